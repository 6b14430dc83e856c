WITH `__s0` AS (SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population` FROM `observations` WHERE `indicator` IN ({p1:String})),
`__lookup1` AS (SELECT `region`, `period`, `value` AS `__den` FROM `observations` WHERE `indicator` = {p2:String} AND `series` = {p3:String}),
`__share2` AS (SELECT a.`indicator`, a.`region`, a.`period`, a.`value`, a.`qualifier`, a.`denominator`, a.`unit`, a.`series`, a.`status`, a.`source`, a.`quote`, a.`population`, CASE WHEN a.`value` IS NOT NULL AND k.`__den` IS NOT NULL AND k.`__den` <> 0 THEN a.`value` / k.`__den` * {p4:Float64} END AS `share` FROM `__s0` a LEFT JOIN `__lookup1` k ON a.`region` = k.`region` AND a.`period` = k.`period`)
SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population`, `share` FROM `__share2` SETTINGS join_use_nulls = 1, prefer_column_name_to_alias = 1
-- params: ["new_rural_communes","admin_units","communes",100]

-- next statement --
WITH `__s0` AS (SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population` FROM `observations` WHERE `indicator` IN ({p1:String})),
`__lookup1` AS (SELECT `region`, `period`, `value` AS `__den` FROM `observations` WHERE `indicator` = {p2:String} AND `series` = {p3:String})
SELECT 0 AS `__check`, CAST(x.`region` AS Nullable(String)) AS `c0`, CAST(x.`period` AS Nullable(String)) AS `c1` FROM (SELECT `region`, `period` FROM `__lookup1` GROUP BY `region`, `period` HAVING count(*) > 1 LIMIT 1) x SETTINGS join_use_nulls = 1, prefer_column_name_to_alias = 1
-- params: ["new_rural_communes","admin_units","communes"]

WITH `__s0` AS (SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population` FROM `observations`),
`__change1` AS (SELECT a.`indicator`, a.`region`, a.`period`, a.`value`, a.`qualifier`, a.`denominator`, a.`unit`, a.`series`, a.`status`, a.`source`, a.`quote`, a.`population`, CASE WHEN a.`value` IS NOT NULL AND k.`__b` IS NOT NULL THEN CASE WHEN k.`__b` = 0 THEN NULL ELSE (a.`value` - k.`__b`) / k.`__b` * 100 END END AS `percentChange` FROM `__s0` a LEFT JOIN (SELECT `indicator`, `region`, CASE WHEN `series` IS NULL THEN '' ELSE 's' || `series` END AS `__sk`, `value` AS `__b` FROM `__s0` WHERE `period` = {p1:String}) k ON a.`indicator` = k.`indicator` AND a.`region` = k.`region` AND CASE WHEN a.`series` IS NULL THEN '' ELSE 's' || a.`series` END = k.`__sk`)
SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population`, `percentChange` FROM `__change1` SETTINGS join_use_nulls = 1, prefer_column_name_to_alias = 1
-- params: ["2010"]

-- next statement --
WITH `__s0` AS (SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population` FROM `observations`)
SELECT 0 AS `__check`, CAST(x.`indicator` AS Nullable(String)) AS `c0`, CAST(x.`region` AS Nullable(String)) AS `c1`, CAST(x.`series` AS Nullable(String)) AS `c2`, CAST(x.`period` AS Nullable(String)) AS `c3` FROM (SELECT `indicator`, `region`, `series`, `period` FROM `__s0` GROUP BY `indicator`, `region`, `series`, `period` HAVING count(*) > 1 LIMIT 1) x SETTINGS join_use_nulls = 1, prefer_column_name_to_alias = 1
-- params: []

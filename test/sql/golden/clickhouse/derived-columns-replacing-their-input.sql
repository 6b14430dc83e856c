WITH `__s0` AS (SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population` FROM `observations` WHERE `indicator` IN ({p1:String})),
`__change1` AS (SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population`, lagInFrame(`value`) OVER (PARTITION BY `indicator`, `region`, `series` ORDER BY toInt64OrNull(extract(`period`, '^[[:space:]]*([+-]?[0-9]+)')) ASC NULLS FIRST, `period` ASC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS `__b` FROM `__s0`),
`__change2` AS (SELECT `indicator`, `region`, `period`, CASE WHEN `value` IS NOT NULL AND `__b` IS NOT NULL THEN CASE WHEN `__b` = 0 THEN NULL ELSE (`value` - `__b`) / `__b` * 100 END END AS `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population` FROM `__change1`),
`__share3` AS (SELECT `indicator`, `region`, `period`, `value`, `qualifier`, CASE WHEN `value` IS NOT NULL AND `denominator` IS NOT NULL AND `denominator` <> 0 THEN `value` / `denominator` * {p2:Float64} END AS `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population` FROM `__change2`),
`__summary4` AS (SELECT `region`, CAST(avg(`value`) AS Nullable(Float64)) AS `value`, CAST(sum(`value`) AS Nullable(Float64)) AS `denominator` FROM `__share3` GROUP BY `region`)
SELECT `region`, `value`, `denominator` FROM `__summary4` SETTINGS join_use_nulls = 1, prefer_column_name_to_alias = 1
-- params: ["poverty_rate",2]

-- next statement --
WITH `__s0` AS (SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population` FROM `observations` WHERE `indicator` IN ({p1:String}))
SELECT 0 AS `__check`, CAST(x.`indicator` AS Nullable(String)) AS `c0`, CAST(x.`region` AS Nullable(String)) AS `c1`, CAST(x.`series` AS Nullable(String)) AS `c2`, CAST(x.`period` AS Nullable(String)) AS `c3` FROM (SELECT `indicator`, `region`, `series`, `period` FROM `__s0` GROUP BY `indicator`, `region`, `series`, `period` HAVING count(*) > 1 LIMIT 1) x SETTINGS join_use_nulls = 1, prefer_column_name_to_alias = 1
-- params: ["poverty_rate"]

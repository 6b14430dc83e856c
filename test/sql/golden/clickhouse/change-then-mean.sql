WITH `__s0` AS (SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population` FROM `observations` WHERE `indicator` IN ({p1:String}, {p2:String})),
`__change1` AS (SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population`, lagInFrame(`value`) OVER (PARTITION BY `indicator`, `region`, `series` ORDER BY toInt64OrNull(extract(`period`, '^[[:space:]]*([+-]?[0-9]+)')) ASC NULLS FIRST, `period` ASC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS `__b` FROM `__s0`),
`__change2` AS (SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population`, CASE WHEN `value` IS NOT NULL AND `__b` IS NOT NULL THEN `value` - `__b` END AS `change` FROM `__change1`),
`__share3` AS (SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population`, `change`, CASE WHEN `value` IS NOT NULL AND `denominator` IS NOT NULL AND `denominator` <> 0 THEN `value` / `denominator` * {p3:Float64} END AS `x` FROM `__change2`),
`__summary4` AS (SELECT `indicator`, `series`, CAST(avg(`x`) AS Nullable(Float64)) AS `m`, CAST(sum(`x`) AS Nullable(Float64)) AS `s`, CAST(avg(`value`) AS Nullable(Float64)) AS `v`, CAST(avg(`denominator`) AS Nullable(Float64)) AS `dm`, max(`period`) AS `dx`, {p4:String} AS `note` FROM `__share3` GROUP BY `indicator`, `series`)
SELECT `indicator`, `series`, `m`, `s`, `v`, `dm`, `dx`, `note` FROM `__summary4` SETTINGS join_use_nulls = 1, prefer_column_name_to_alias = 1
-- params: ["poverty_rate","income_per_capita",0.37,"trung bình không gia quyền / unweighted mean"]

-- next statement --
WITH `__s0` AS (SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population` FROM `observations` WHERE `indicator` IN ({p1:String}, {p2:String}))
SELECT `indicator`, `region`, `series`, `period` FROM `__s0` GROUP BY `indicator`, `region`, `series`, `period` HAVING count(*) > 1 LIMIT 1 SETTINGS join_use_nulls = 1, prefer_column_name_to_alias = 1
-- params: ["poverty_rate","income_per_capita"]

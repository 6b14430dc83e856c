WITH `__s0` AS (SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population` FROM `observations` WHERE `indicator` IN ({p1:String}, {p2:String})),
`__change1` AS (SELECT a.`indicator`, a.`region`, a.`period`, a.`value`, a.`qualifier`, a.`denominator`, a.`unit`, a.`series`, a.`status`, a.`source`, a.`quote`, a.`population`, CASE WHEN a.`value` IS NOT NULL AND k.`__b` IS NOT NULL THEN CASE WHEN k.`__b` = 0 THEN NULL ELSE (a.`value` - k.`__b`) / k.`__b` * 100 END END AS `percentChange` FROM `__s0` a LEFT JOIN (SELECT `indicator`, `region`, CASE WHEN `series` IS NULL THEN '' ELSE 's' || `series` END AS `__sk`, `value` AS `__b` FROM `__s0` WHERE `period` = {p3:String}) k ON a.`indicator` = k.`indicator` AND a.`region` = k.`region` AND CASE WHEN a.`series` IS NULL THEN '' ELSE 's' || a.`series` END = k.`__sk`),
`__share2` AS (SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population`, `percentChange`, CASE WHEN `value` IS NOT NULL AND `denominator` IS NOT NULL AND `denominator` <> 0 THEN `value` / `denominator` * {p4:Float64} END AS `x` FROM `__change1`),
`__summary3` AS (SELECT `indicator`, `series`, CAST(avg(`x`) AS Nullable(Float64)) AS `m`, CAST(sum(`x`) AS Nullable(Float64)) AS `s`, CAST(avg(`value`) AS Nullable(Float64)) AS `v`, CAST(avg(`denominator`) AS Nullable(Float64)) AS `dm`, max(`period`) AS `dx` FROM `__share2` GROUP BY `indicator`, `series`)
SELECT `indicator`, `series`, `m`, `s`, `v`, `dm`, `dx` FROM `__summary3` SETTINGS join_use_nulls = 1
-- params: ["poverty_rate","income_per_capita","2012",0.37]

-- next statement --
WITH `__s0` AS (SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population` FROM `observations` WHERE `indicator` IN ({p1:String}, {p2:String}))
SELECT `indicator`, `region`, `series`, `period` FROM `__s0` GROUP BY `indicator`, `region`, `series`, `period` HAVING count(*) > 1 LIMIT 1 SETTINGS join_use_nulls = 1
-- params: ["poverty_rate","income_per_capita"]

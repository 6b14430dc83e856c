WITH `__s0` AS (SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population` FROM `observations` WHERE `indicator` IN ({p1:String}, {p2:String}, {p3:String})),
`__rank1` AS (SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population`, CASE WHEN `value` IS NOT NULL THEN CAST(rank() OVER (PARTITION BY `indicator`, `series`, `period`, (`value` IS NULL) ORDER BY CASE WHEN `indicator` IN ({p4:String}, {p5:String}, {p6:String}, {p7:String}) THEN -`value` ELSE `value` END) AS Nullable(Int32)) END AS `rank` FROM `__s0`)
SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population`, `rank` FROM `__rank1` SETTINGS join_use_nulls = 1, prefer_column_name_to_alias = 1
-- params: ["poverty_rate","income_per_capita","new_rural_communes","income_per_capita","new_rural_communes","study_participation","commendations"]

-- next statement --
WITH `__s0` AS (SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population` FROM `observations` WHERE `indicator` IN ({p1:String}, {p2:String}, {p3:String}))
SELECT 0 AS `__check`, CAST(x.`indicator` AS Nullable(String)) AS `c0` FROM (SELECT DISTINCT `indicator` FROM `__s0`) x SETTINGS join_use_nulls = 1, prefer_column_name_to_alias = 1
-- params: ["poverty_rate","income_per_capita","new_rural_communes"]

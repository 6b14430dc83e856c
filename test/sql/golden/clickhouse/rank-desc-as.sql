WITH `__s0` AS (SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population` FROM `observations`),
`__rank1` AS (SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population`, CASE WHEN `value` IS NOT NULL THEN CAST(rank() OVER (PARTITION BY `indicator`, `series`, `period`, (`value` IS NULL) ORDER BY -`value`) AS Nullable(Int32)) END AS `place` FROM `__s0`)
SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population`, `place` FROM `__rank1` SETTINGS join_use_nulls = 1, prefer_column_name_to_alias = 1
-- params: []

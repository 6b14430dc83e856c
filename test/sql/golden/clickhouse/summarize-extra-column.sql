WITH `__s0` AS (SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population` FROM `observations`),
`__summary1` AS (SELECT `indicator`, `series`, CAST(sum(`population`) AS Nullable(Float64)) AS `pop` FROM `__s0` GROUP BY `indicator`, `series`)
SELECT `indicator`, `series`, `pop` FROM `__summary1` SETTINGS join_use_nulls = 1, prefer_column_name_to_alias = 1
-- params: []

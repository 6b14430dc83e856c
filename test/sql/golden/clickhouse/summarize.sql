WITH `__s0` AS (SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population` FROM `observations`),
`__summary1` AS (SELECT `indicator`, `region`, CAST(avg(`value`) AS Nullable(Float64)) AS `mean`, CAST(count(*) AS Nullable(Int32)) AS `n`, CAST(count(`value`) AS Nullable(Int32)) AS `k`, min(`value`) AS `lo`, max(`value`) AS `hi`, CAST(sum(`denominator`) AS Nullable(Float64)) AS `s` FROM `__s0` GROUP BY `indicator`, `region`)
SELECT `indicator`, `region`, `mean`, `n`, `k`, `lo`, `hi`, `s` FROM `__summary1` SETTINGS join_use_nulls = 1, prefer_column_name_to_alias = 1
-- params: []

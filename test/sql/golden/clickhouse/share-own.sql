WITH `__s0` AS (SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population` FROM `observations`),
`__share1` AS (SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population`, CASE WHEN `value` IS NOT NULL AND `denominator` IS NOT NULL AND `denominator` <> 0 THEN `value` / `denominator` * {p1:Float64} END AS `share` FROM `__s0`)
SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population`, `share` FROM `__share1` SETTINGS join_use_nulls = 1, prefer_column_name_to_alias = 1
-- params: [1]

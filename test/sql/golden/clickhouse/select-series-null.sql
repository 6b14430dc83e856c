WITH `__s0` AS (SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population` FROM `observations` WHERE `series` IS NULL)
SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population` FROM `__s0` SETTINGS join_use_nulls = 1, prefer_column_name_to_alias = 1
-- params: []

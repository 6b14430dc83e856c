WITH `__s0` AS (SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population` FROM `observations`)
SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population` FROM `__s0` ORDER BY `indicator` ASC NULLS LAST, `region` ASC NULLS LAST, `series` ASC NULLS LAST, `period` ASC NULLS LAST LIMIT {p1:Int64} SETTINGS join_use_nulls = 1, prefer_column_name_to_alias = 1
-- params: [0]

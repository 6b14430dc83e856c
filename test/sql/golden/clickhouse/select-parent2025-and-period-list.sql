WITH `__s0` AS (SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population` FROM `observations` WHERE `region` IN ({p1:String}, {p2:String}) AND `period` IN ({p3:String}, {p4:String}))
SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population` FROM `__s0` SETTINGS join_use_nulls = 1, prefer_column_name_to_alias = 1
-- params: ["89","91","2010","2021-2023"]

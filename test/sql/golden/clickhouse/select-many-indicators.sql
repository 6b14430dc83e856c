WITH `__s0` AS (SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population` FROM `observations` WHERE `indicator` IN ({p1:String}, {p2:String}, {p3:String}, {p4:String}, {p5:String}))
SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population` FROM `__s0` SETTINGS join_use_nulls = 1, prefer_column_name_to_alias = 1
-- params: ["poverty_rate","households","admin_units","income_per_capita","new_rural_communes"]

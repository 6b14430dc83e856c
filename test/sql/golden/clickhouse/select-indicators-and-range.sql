WITH `__s0` AS (SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population` FROM `observations` WHERE `indicator` IN ({p1:String}, {p2:String}) AND toInt64OrNull(extract(`period`, '^[[:space:]]*([+-]?[0-9]+)')) BETWEEN {p3:Float64} AND {p4:Float64})
SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population` FROM `__s0` SETTINGS join_use_nulls = 1, prefer_column_name_to_alias = 1
-- params: ["poverty_rate","households",2010,2016]

WITH `__s0` AS (SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population` FROM `observations` WHERE `indicator` IN ({p1:String}))
SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population` FROM `__s0` ORDER BY `series` DESC NULLS LAST, `value` ASC NULLS LAST, `indicator` ASC NULLS LAST, `region` ASC NULLS LAST, `period` ASC NULLS LAST LIMIT {p2:Int64} SETTINGS join_use_nulls = 1
-- params: ["poverty_rate",40]

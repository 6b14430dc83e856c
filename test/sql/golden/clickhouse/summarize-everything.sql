WITH `__s0` AS (SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population` FROM `observations`),
`__summary1` AS (SELECT CAST(avg(`value`) AS Nullable(Float64)) AS `mean`, CAST(count(*) AS Nullable(Int32)) AS `n`, max(`period`) AS `p`, {p1:String} AS `note` FROM `__s0`)
SELECT `mean`, `n`, `p`, `note` FROM `__summary1` SETTINGS join_use_nulls = 1, prefer_column_name_to_alias = 1
-- params: ["trung bình không gia quyền / unweighted mean"]

WITH `__s0` AS (SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population` FROM `observations`),
`__change1` AS (SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population`, lagInFrame(`value`) OVER (PARTITION BY `indicator`, `region`, `series` ORDER BY toInt64OrNull(extract(`period`, '^[[:space:]]*([+-]?[0-9]+)')) ASC NULLS FIRST, `period` ASC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS `__b` FROM `__s0`),
`__change2` AS (SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population`, CASE WHEN `value` IS NOT NULL AND `__b` IS NOT NULL THEN `value` - `__b` END AS `change` FROM `__change1`)
SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population`, `change` FROM `__change2` SETTINGS join_use_nulls = 1, prefer_column_name_to_alias = 1
-- params: []

-- next statement --
WITH `__s0` AS (SELECT `indicator`, `region`, `period`, `value`, `qualifier`, `denominator`, `unit`, `series`, `status`, `source`, `quote`, `population` FROM `observations`)
SELECT 0 AS `__check`, CAST(x.`indicator` AS Nullable(String)) AS `c0`, CAST(x.`region` AS Nullable(String)) AS `c1`, CAST(x.`series` AS Nullable(String)) AS `c2`, CAST(x.`period` AS Nullable(String)) AS `c3` FROM (SELECT `indicator`, `region`, `series`, `period` FROM `__s0` GROUP BY `indicator`, `region`, `series`, `period` HAVING count(*) > 1 LIMIT 1) x SETTINGS join_use_nulls = 1, prefer_column_name_to_alias = 1
-- params: []

"""A year of law enforcement for the demo district (Chaoyang's scale: 300,000+ inspections, ~15,000 penalties,
~5,900 penalty powers with 99% of them inspected, ~2,900 A-post officers of whom 96% acted, 97.5% exam pass rate),
generated set-based in DuckDB (see fazhi.core.feed_demo)."""
from __future__ import annotations

from fazhi.core.feed_demo import Gen, register_generator

from . import feeds

OFFICERS, EXAMS, POWERS, POWER_ITEMS = 3_300, 480, 5_900, 9_000
INSPECTIONS, RANDOM_TASKS, PENALTIES, REVIEWS = 330_000, 600, 15_000, 1_200
A_POST_SHARE, ACTIVE_A_POST_SHARE, INSPECTED_POWER_SHARE = 0.88, 0.96, 0.99
PERSON = "fz_pick(w.surnames, i, {s}) || fz_pick(w.given, i, {s} + 1)"
COMPANY = ("fz_pick(w.company_heads, i, {s}) || fz_pick(w.company_trades, i, {s} + 1) || "
           "fz_pick(w.company_forms, i, {s} + 2)")


def per_unit(gen: Gen, base: int) -> int:
    return max(1, round(gen.n(base, roster=True) / len(gen.units.enforcement)))


def unit_of(per: int) -> str:
    """The unit of the i-th record of a roster with `per` records per enforcement unit."""
    return f'w.enforcement[CAST(1 + i // {per} AS BIGINT)]'


def day(gen: Gen, u: str, days: int = 365) -> str:
    return f'{gen.start()} + CAST(floor({u} * {days}) AS INTEGER)'


def officers(gen: Gen) -> int:
    per = per_unit(gen, OFFICERS)
    a_post = max(1, round(per * A_POST_SHARE))
    return gen.insert(feeds.OFFICER, per * len(gen.units.enforcement), f"""
        {unit_of(per)} AS unit_code, unit_code || '-E' || lpad(CAST(1 + i % {per} AS VARCHAR), 3, '0') AS officer_no,
        {PERSON.format(s=31)} AS name,
        CASE WHEN u1 < 0.6 THEN '执法队员' WHEN u1 < 0.85 THEN '科员' WHEN u1 < 0.95 THEN '副科长' ELSE '科长' END AS position,
        i % {per} < {a_post} AS is_a_post,
        CASE WHEN u2 < 0.985 THEN '{gen.year % 100}' || lpad(CAST(100000 + i AS VARCHAR), 8, '0') END AS certificate_no,
        CASE WHEN u2 < 0.985 THEN DATE '{gen.year}-12-31' + CAST(floor(u3 * 1400) AS INTEGER) END
            AS certificate_valid_until,
        u4 < 0.15 AS has_legal_qualification, u5 < 0.985 AS active""")


def exams(gen: Gen) -> int:
    """Newly recruited officers (numbered after the roster) sitting the certificate exam."""
    per = per_unit(gen, OFFICERS)
    return gen.insert(feeds.EXAM, gen.n(EXAMS), f"""
        'KS{gen.year}' || lpad(CAST(i + 1 AS VARCHAR), 5, '0') AS exam_no, fz_pick(w.enforcement, i, 41) AS unit_code,
        unit_code || '-E' || lpad(CAST({per} + 1 + i % 40 AS VARCHAR), 3, '0') AS officer_no,
        {PERSON.format(s=42)} AS name,
        CASE WHEN u1 < 0.5 THEN DATE '{gen.year}-05-24' ELSE DATE '{gen.year}-11-15' END AS exam_date,
        CASE WHEN u2 < 0.005 THEN 'absent' WHEN u2 < 0.975 THEN 'pass' ELSE 'fail' END AS result,
        CASE result WHEN 'pass' THEN round(60 + 40 * sqrt(u3), 1) WHEN 'fail' THEN round(35 + 24 * u3, 1) END AS score,
        result = 'pass' AS passed""")


def versioned(gen: Gen, feed, code: str, per: int, names: str, extra: str, extra_cols: tuple[str, ...],
              amend_share: float, repeal_share: float, lists: dict[str, tuple[str, ...]] | None = None) -> int:
    """A list kept as versions: every item's first version, then a second version of the amended ones
    (the first is repealed the day the second takes effect); a few items are added or repealed in the year."""
    n = per * len(gen.units.enforcement)
    gen.con.execute(gen.expand(f"""CREATE OR REPLACE TEMP TABLE _versions AS SELECT
        {unit_of(per)} AS unit_code, unit_code || '{code}' || lpad(CAST(1 + i % {per} AS VARCHAR), 4, '0') AS key_code,
        {names} AS name, fz_pick(w.laws, i, 51) || '第' || CAST(10 + i % 120 AS VARCHAR) || '条' AS legal_basis,
        u1 < {amend_share} AS amended, u5 < 0.06 AND NOT amended AS added,
        CASE WHEN added THEN {day(gen, 'u6')} ELSE DATE '{gen.year - 2}-01-01' END AS effective_from,
        {day(gen, 'u2', 330)} + 15 AS amended_on,
        CASE WHEN amended THEN amended_on WHEN NOT added AND u3 < {repeal_share} THEN {day(gen, 'u4')} END
            AS repealed_on,
        CASE WHEN amended OR added OR repealed_on IS NOT NULL
             THEN '云政办发〔{gen.year}〕' || CAST(10 + CAST(floor(u7 * 80) AS INTEGER) AS VARCHAR) || '号' END
            AS adjust_doc,
        CASE WHEN amended THEN '上位法修订，调整设定依据' WHEN added THEN '新增法定职权'
             WHEN repealed_on IS NOT NULL THEN '上位法废止，取消该职权' END AS adjust_reason, {extra}
        FROM {gen.rows(n, extra=lists)}""", lists))
    key, cols = feed.schema.natural_key[0], ', '.join(extra_cols)
    gen.con.execute(f"""INSERT INTO {feed.table} BY NAME SELECT key_code AS {key}, unit_code, name, legal_basis,
        effective_from, repealed_on, adjust_doc, adjust_reason, {cols} FROM _versions""")
    gen.con.execute(f"""INSERT INTO {feed.table} BY NAME SELECT key_code AS {key}, unit_code, name,
        replace(legal_basis, '第', '（{gen.year}年修订）第') AS legal_basis, amended_on AS effective_from,
        NULL AS repealed_on, adjust_doc, adjust_reason, {cols} FROM _versions WHERE amended""")
    gen.con.execute('DROP TABLE _versions')
    return gen.con.execute(f'SELECT count(*) FROM {feed.table}').fetchone()[0]


def penalty_powers(gen: Gen) -> int:
    return versioned(gen, feeds.PENALTY_POWER, '-P', per_unit(gen, POWERS),
                     "'对' || fz_pick(w.violations, i, 52) || '的行政处罚'",
                     "CASE WHEN u8 < 0.86 THEN 'penalty' WHEN u8 < 0.96 THEN 'inspection' ELSE 'coercion' END AS kind",
                     ('kind',), 0.05, 0.015)


POWER_CATEGORIES = ('license',) * 8 + ('penalty',) * 55 + ('coercion',) * 6 + ('levy', 'reward', 'adjudication') + \
    ('payment',) * 3 + ('inspection',) * 12 + ('confirmation',) * 5 + ('other',) * 8


def power_items(gen: Gen) -> int:
    names = ("CASE WHEN u9 < 0.55 THEN '对' || fz_pick(w.violations, i, 53) || '的处罚' "
             "ELSE fz_pick(w.power_kinds, i, 54) || '：' || fz_pick(w.violations, i, 55) END")
    extra = ("fz_pick(w.power_categories, i, 56) AS category, "
             "'依法履行' || name || '职责，加强事中事后监管' AS responsibility, "
             "'对应当履行而未履行或者违法履行职责的，依法追究责任' AS accountability")
    lists = {'power_categories': POWER_CATEGORIES, 'power_kinds': ('行政许可', '行政检查', '行政确认', '行政给付', '行政奖励')}
    return versioned(gen, feeds.POWER_ITEM, '-Q', per_unit(gen, POWER_ITEMS), names, extra,
                     ('category', 'responsibility', 'accountability'), 0.03, 0.01, lists)


def random_tasks(gen: Gen) -> int:
    fields = ('食品经营', '特种设备', '广告发布', '产品质量', '建筑施工', '消防安全', '生态环境', '劳动保障', '医疗卫生',
              '文化市场', '交通运输', '城市管理')
    return gen.insert(feeds.RANDOM_TASK, gen.n(RANDOM_TASKS), f"""
        'SSJ{gen.year}-' || lpad(CAST(i + 1 AS VARCHAR), 4, '0') AS task_no, fz_pick(w.enforcement, i, 61) AS unit_code,
        '{gen.year}年' || fz_pick(w.fields, i, 62) || '领域“双随机、一公开”抽查' AS name,
        {day(gen, 'u1', 300)} AS started_on, started_on + 20 + CAST(floor(u2 * 40) AS INTEGER) AS finished_on,
        u3 < 0.2 AS is_joint, 200 + CAST(floor(u4 * 4800) AS INTEGER) AS pool_size,
        CAST(ceil(pool_size * (0.03 + 0.07 * u5)) AS INTEGER) AS sampled_count,
        CAST(floor(sampled_count * (0.97 + 0.03 * u6)) AS INTEGER) AS inspected_count,
        CAST(floor(inspected_count * (0.05 + 0.15 * u7)) AS INTEGER) AS problem_count,
        finished_on + 1 + CAST(floor(u8 * 19) AS INTEGER) AS published_on""", extra={'fields': fields})


def acting_officer(gen: Gen, unit: str, u: str) -> str:
    """An A-post officer of `unit` who acts (the last few A-post officers of each unit never do)."""
    acting = max(1, int(round(per_unit(gen, OFFICERS) * A_POST_SHARE) * ACTIVE_A_POST_SHARE))
    return f"{unit} || '-E' || lpad(CAST(1 + CAST(floor({u} * {acting}) AS INTEGER) AS VARCHAR), 3, '0')"


def power_of(gen: Gen, unit: str, u: str, skew: float) -> str:
    """One of the unit's powers, the first ones far more often (1% of the list is never used)."""
    covered = max(1, int(per_unit(gen, POWERS) * INSPECTED_POWER_SHARE))
    return (f"{unit} || '-P' || lpad(CAST(1 + CAST(floor(pow({u}, {skew}) * {covered}) AS INTEGER) AS VARCHAR), "
            "4, '0')")


def inspections(gen: Gen) -> int:
    tasks = gen.n(RANDOM_TASKS)
    return gen.insert(feeds.INSPECTION, gen.n(INSPECTIONS), f"""
        'JC{gen.year}' || lpad(CAST(i + 1 AS VARCHAR), 8, '0') AS inspection_no,
        fz_pick(w.street_heavy, i, 71) AS unit_code, {power_of(gen, 'unit_code', 'u1', 1.4)} AS power_code,
        {acting_officer(gen, 'unit_code', 'u2')} AS officer_no, {day(gen, 'u3')} AS inspected_on,
        CASE WHEN u4 < 0.15 THEN 'random' WHEN u4 < 0.75 THEN 'routine' WHEN u4 < 0.9 THEN 'special'
             ELSE 'complaint' END AS method,
        method = 'random' AS is_random,
        CASE WHEN is_random THEN 'SSJ{gen.year}-' || lpad(CAST(1 + CAST(floor(u5 * {tasks}) AS INTEGER) AS VARCHAR),
             4, '0') END AS task_no,
        {COMPANY.format(s=72)} AS target_name,
        '91110105' || lpad(CAST(CAST(floor(u6 * 1e9) AS BIGINT) AS VARCHAR), 9, '0') || 'X' AS target_credit_code,
        CASE WHEN u7 < 0.9 THEN 2 ELSE 3 END AS officer_count,
        CASE WHEN u8 < 0.78 THEN 'no_issue' WHEN u8 < 0.95 THEN 'rectify' WHEN u8 < 0.99 THEN 'case_filed'
             ELSE 'transferred' END AS result,
        result <> 'no_issue' AS found_violation, u9 < 0.95 AS recorded""")


def penalties(gen: Gen) -> int:
    return gen.insert(feeds.PENALTY, gen.n(PENALTIES), f"""
        fz_pick(w.street_heavier, i, 81) AS unit_code,
        unit_code || '罚〔{gen.year}〕' || CAST(i + 1 AS VARCHAR) || '号' AS case_no,
        {power_of(gen, 'unit_code', 'u1', 2.0)} AS power_code, {acting_officer(gen, 'unit_code', 'u2')} AS officer_no,
        CASE WHEN u3 < 0.55 THEN 'person' WHEN u3 < 0.95 THEN 'legal_person' ELSE 'other' END AS party_type,
        CASE WHEN party_type = 'person' THEN fz_pick(w.surnames, i, 82) || '某某' ELSE {COMPANY.format(s=83)} END
            AS party_name,
        {day(gen, 'u4')} AS decided_on,
        CASE WHEN u5 < 0.022 THEN 'minor' WHEN u5 < 0.038 THEN 'first_violation' WHEN u5 < 0.04 THEN 'no_fault'
             ELSE '' END AS no_penalty,
        CASE WHEN u6 < 0.35 THEN 'simple' ELSE 'ordinary' END AS procedure,
        CASE WHEN no_penalty <> '' THEN 'none' WHEN u7 < 0.70 THEN 'fine' WHEN u7 < 0.88 THEN 'warning'
             WHEN u7 < 0.94 THEN 'confiscation' WHEN u7 < 0.97 THEN 'suspend_license'
             WHEN u7 < 0.99 THEN 'stop_business'
             ELSE 'revoke_license' END AS penalty_kind,
        CAST(CASE WHEN penalty_kind IN ('none', 'warning') THEN 0
             WHEN procedure = 'simple' THEN CASE WHEN party_type = 'person' THEN 50 + 50 * floor(u8 * 4)
                                                 ELSE 500 + 500 * floor(u8 * 6) END
             ELSE 1000 + 100 * floor(pow(u8, 3) * 5000) END AS DECIMAL(18, 2)) AS amount,
        CASE WHEN no_penalty <> '' OR u9 < 0.01 THEN NULL
             WHEN u9 < 0.95 THEN decided_on + CAST(floor(u10 * 6) AS INTEGER)
             ELSE decided_on + 9 + CAST(floor(u10 * 20) AS INTEGER) END AS disclosed_on,
        CASE WHEN procedure = 'ordinary' THEN u11 < 0.97 ELSE u11 < 0.6 END AS full_process_recorded,
        procedure = 'ordinary' AND u12 < 0.03 AS is_major,
        CASE WHEN is_major THEN u12 < 0.0297 ELSE u11 < 0.4 END AS legal_reviewed,
        decided_on + 15 + CAST(floor(u10 * 45) AS INTEGER) AS closed_on""")


def case_file_reviews(gen: Gen) -> int:
    return gen.insert(feeds.CASE_FILE_REVIEW, gen.n(REVIEWS), f"""
        'PC{gen.year}' || lpad(CAST(i + 1 AS VARCHAR), 5, '0') AS review_no, fz_pick(w.enforcement, i, 91) AS unit_code,
        unit_code || '罚〔{gen.year}〕' || CAST(1 + CAST(floor(u1 * 400) AS INTEGER) AS VARCHAR) || '号' AS case_no,
        CASE WHEN u2 < 0.7 THEN 'penalty' WHEN u2 < 0.85 THEN 'license' WHEN u2 < 0.95 THEN 'inspection'
             ELSE 'coercion' END AS case_kind,
        DATE '{gen.year}-09-01' + CAST(floor(u3 * 90) AS INTEGER) AS reviewed_on, {PERSON.format(s=92)} AS reviewer,
        CAST(CASE WHEN u4 < 0.25 THEN 90 + 10 * u5 WHEN u4 < 0.99 THEN 60 + 29.9 * u5 ELSE 40 + 19.9 * u5 END
             AS DECIMAL(18, 1)) AS score,
        CASE WHEN score >= 90 THEN 'excellent' WHEN score >= 60 THEN 'pass' ELSE 'fail' END AS grade,
        u6 < 0.3 AS sampled,
        CASE WHEN grade = 'excellent' THEN NULL ELSE nullif(fz_pick(w.review_problems, i, 93), '') END AS problems""")


for _order, _feed, _generator in ((21, feeds.EXAM, exams), (24, feeds.RANDOM_TASK, random_tasks),
                                  (25, feeds.INSPECTION, inspections), (26, feeds.PENALTY, penalties),
                                  (27, feeds.CASE_FILE_REVIEW, case_file_reviews)):
    register_generator(_order, _feed, _generator)
for _order, _feed, _generator in ((20, feeds.OFFICER, officers), (22, feeds.PENALTY_POWER, penalty_powers),
                                  (23, feeds.POWER_ITEM, power_items)):
    register_generator(_order, _feed, _generator, roster=True)

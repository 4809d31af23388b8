"""A year of dispute resolution for the demo district: ~24,000 mediations (96% successful), 6,500 petitions,
2,600 legal-aid cases and 42,000 calls to the 12348 line, generated set-based in DuckDB."""
from __future__ import annotations

from fazhi.core.feed_demo import Gen, register_generator

from . import feeds

MEDIATIONS, PETITIONS, LEGAL_AID, CALLS = 24_000, 6_500, 2_600, 42_000
DISPUTES = ('婚姻家庭', '邻里纠纷', '物业纠纷', '房屋宅基地', '劳动争议', '消费纠纷', '交通事故', '医疗纠纷', '合同纠纷',
            '损害赔偿', '其他')
COMMITTEES = ('社区人民调解委员会', '物业纠纷人民调解委员会', '交通事故纠纷人民调解委员会', '医疗纠纷人民调解委员会',
              '劳动争议调解中心', '消费纠纷调解中心', '诉前调解工作室')
PETITION_TOPICS = ('城乡建设', '劳动社保', '自然资源', '卫生健康', '农村农业', '民政', '政法', '教育', '商贸', '交通',
                   '生态环境', '其他')
AID_GROUPS = ('农民工', '老年人', '未成年人', '残疾人', '妇女', '军人军属', '低收入群体')
CALL_TOPICS = ('婚姻家庭', '劳动争议', '合同纠纷', '债权债务', '房产物业', '交通事故', '人身损害', '继承', '行政争议', '其他')


def day(gen: Gen, u: str, days: int = 365) -> str:
    return f'{gen.start()} + CAST(floor({u} * {days}) AS INTEGER)'


def mediations(gen: Gen) -> int:
    return gen.insert(feeds.MEDIATION, gen.n(MEDIATIONS), f"""
        'TJ{gen.year}' || lpad(CAST(i + 1 AS VARCHAR), 6, '0') AS case_no,
        CASE WHEN u1 < 0.82 THEN 'people' WHEN u1 < 0.95 THEN 'administrative' ELSE 'judicial' END AS kind,
        CASE WHEN kind = 'people' THEN fz_pick(w.streets, i, 101) ELSE fz_pick(w.departments, i, 102) END AS unit_code,
        fz_pick(w.committees, i, 103) AS committee, fz_pick(w.disputes, i, 104) AS dispute_type,
        {day(gen, 'u2')} AS accepted_on,
        CASE WHEN u3 < 0.97 THEN accepted_on + 1 + CAST(floor(pow(u4, 2) * 29) AS INTEGER) END AS closed_on,
        CASE WHEN closed_on IS NULL THEN NULL ELSE u5 < 0.965 END AS success,
        CASE WHEN success THEN CASE WHEN u6 < 0.7 THEN 'written' ELSE 'oral' END END AS agreement_kind,
        CAST(CASE WHEN u7 < 0.4 THEN 0 ELSE 500 + 100 * floor(pow(u8, 3) * 2000) END AS DECIMAL(18, 2)) AS amount,
        coalesce(success AND agreement_kind = 'written' AND u9 < 0.05, false) AS judicial_confirmation,
        2 + CAST(floor(pow(u10, 3) * 4) AS INTEGER) AS party_count""",
        extra={'disputes': DISPUTES, 'committees': COMMITTEES})


def petitions(gen: Gen) -> int:
    return gen.insert(feeds.PETITION, gen.n(PETITIONS), f"""
        'XF{gen.year}' || lpad(CAST(i + 1 AS VARCHAR), 6, '0') AS petition_no, fz_pick(w.service, i, 111) AS unit_code,
        {day(gen, 'u1')} AS received_on,
        CASE WHEN u2 < 0.15 THEN 'letter' WHEN u2 < 0.40 THEN 'visit' WHEN u2 < 0.90 THEN 'online' ELSE 'phone' END
            AS channel,
        fz_pick(w.topics, i, 112) AS category, received_on + 60 AS due_on,
        CASE WHEN u3 < 0.97 THEN received_on + 5 + CAST(floor(u4 * 54) AS INTEGER)
             WHEN u3 < 0.99 THEN received_on + 61 + CAST(floor(u4 * 30) AS INTEGER) END AS closed_on,
        u5 < 0.95 AS eligible_for_evaluation,
        CASE WHEN NOT eligible_for_evaluation OR u6 >= 0.9177 THEN 'not_rated'
             WHEN u7 < 0.93 THEN 'satisfied' WHEN u7 < 0.9856 THEN 'basically_satisfied' ELSE 'dissatisfied' END
            AS evaluation,
        evaluation <> 'not_rated' AS evaluated,
        CASE WHEN evaluated THEN evaluation IN ('satisfied', 'basically_satisfied') END AS satisfied,
        u8 < 0.08 AS is_repeat""", extra={'topics': PETITION_TOPICS})


def legal_aid(gen: Gen) -> int:
    return gen.insert(feeds.LEGAL_AID, gen.n(LEGAL_AID), f"""
        'FY{gen.year}' || lpad(CAST(i + 1 AS VARCHAR), 5, '0') AS case_no,
        CASE WHEN u1 < 0.8 THEN w.justice[1] ELSE fz_pick(w.streets, i, 121) END AS unit_code,
        CASE WHEN u2 < 0.45 THEN 'criminal' WHEN u2 < 0.97 THEN 'civil' ELSE 'administrative' END AS kind,
        fz_pick(w.groups, i, 122) AS applicant_group, {day(gen, 'u3', 355)} AS applied_on,
        applied_on + CASE WHEN u4 < 0.98 THEN 1 + CAST(floor(u5 * 6) AS INTEGER) ELSE 8 + CAST(floor(u5 * 5) AS INTEGER)
                     END AS decided_on,
        u6 < 0.96 AS granted,
        CASE WHEN granted THEN decided_on + CAST(floor(u7 * 3) AS INTEGER) END AS assigned_on,
        CASE WHEN granted THEN fz_pick(w.surnames, i, 123) || fz_pick(w.given, i, 124) END AS lawyer,
        CASE WHEN granted AND u8 < 0.8 THEN assigned_on + 30 + CAST(floor(u9 * 150) AS INTEGER) END AS closed_on""",
        extra={'groups': AID_GROUPS})


def calls(gen: Gen) -> int:
    return gen.insert(feeds.LEGAL_HOTLINE, gen.n(CALLS), f"""
        '12348{gen.year}' || lpad(CAST(i + 1 AS VARCHAR), 7, '0') AS call_no, w.justice[1] AS unit_code,
        CAST({day(gen, 'u1')} AS TIMESTAMP) + to_minutes(CAST(510 + floor(u2 * 540) AS BIGINT)) AS received_at,
        fz_pick(w.topics, i, 131) AS topic, 60 + CAST(floor(pow(u3, 2) * 1740) AS INTEGER) AS duration_seconds,
        u4 < 0.03 AS to_legal_aid""", extra={'topics': CALL_TOPICS})


for _order, _feed, _generator in ((11, feeds.MEDIATION, mediations), (12, feeds.PETITION, petitions),
                                  (13, feeds.LEGAL_AID, legal_aid), (14, feeds.LEGAL_HOTLINE, calls)):
    register_generator(_order, _feed, _generator)

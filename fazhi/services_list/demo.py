"""The demo district's service list (5,663 items, all available online) and a year's credit grading of
~113,000 enterprises (A 32,063 / B 63,408 / C 15,425 / D 1,996 in the source), generated set-based in DuckDB."""
from __future__ import annotations

from fazhi.core.feed_demo import Gen, register_generator

from . import feeds

SERVICE_ITEMS, ENTERPRISES = 5_663, 112_892
INDUSTRIES = ('批发和零售业', '住宿和餐饮业', '制造业', '建筑业', '信息传输、软件和信息技术服务业', '租赁和商务服务业',
              '科学研究和技术服务业', '居民服务业', '交通运输业', '其他')
SERVICES = ('社会保障卡申领', '个体工商户设立登记', '食品经营许可', '建设工程规划许可', '居住证办理', '高龄津贴发放',
            '残疾人两项补贴', '就业登记', '灵活就业人员参保登记', '生育登记', '出租房屋登记', '公共场所卫生许可',
            '户外广告设置审批', '临时占用道路审批', '民办学校设立审批', '医疗机构执业登记', '排水许可', '二次供水卫生许可')


def service_items(gen: Gen) -> int:
    per = max(1, round(gen.n(SERVICE_ITEMS, roster=True) / len(gen.units.departments + gen.units.streets)))
    n = per * len(gen.units.departments + gen.units.streets)
    return gen.insert(feeds.SERVICE_ITEM, n, f"""
        w.owners[CAST(1 + i // {per} AS BIGINT)] AS unit_code,
        unit_code || '-S' || lpad(CAST(1 + i % {per} AS VARCHAR), 4, '0') AS item_code,
        fz_pick(w.services, i, 141) AS name,
        CASE WHEN u1 < 0.0904 THEN 'license' WHEN u1 < 0.1079 THEN 'confirmation' ELSE 'public_service' END
            AS item_type,
        u2 < 0.996 AS online_available, online_available AND u3 < 0.86 AS fully_online,
        CASE WHEN fully_online THEN 0 ELSE 1 END AS max_visits, 20 AS legal_days,
        5 + CAST(floor(u4 * 10) AS INTEGER) AS promised_days, DATE '{gen.year - 1}-01-01' AS effective_from,
        CASE WHEN u5 < 0.01 THEN {gen.start()} + CAST(floor(u6 * 365) AS INTEGER) END AS repealed_on,
        CASE WHEN repealed_on IS NOT NULL THEN '云政服发〔{gen.year}〕3号' END AS adjust_doc,
        CASE WHEN repealed_on IS NOT NULL THEN '事项调整，取消' END AS adjust_reason""",
        extra={'services': SERVICES, 'owners': gen.units.departments + gen.units.streets})


def credit_grades(gen: Gen) -> int:
    return gen.insert(feeds.CREDIT_GRADE, gen.n(ENTERPRISES, roster=True), f"""
        '91110105' || lpad(CAST(i + 1 AS VARCHAR), 9, '0') || 'X' AS enterprise_code,
        fz_pick(w.company_heads, i, 151) || fz_pick(w.company_trades, i, 152) || '有限公司' AS enterprise_name,
        fz_pick(w.service, i, 153) AS unit_code, fz_pick(w.industries, i, 154) AS industry,
        CASE WHEN u1 < 0.9 THEN DATE '{gen.year}-06-30' ELSE DATE '{gen.year}-12-20' END AS graded_on,
        CASE WHEN u2 < 0.2840 THEN 'A' WHEN u2 < 0.8457 THEN 'B' WHEN u2 < 0.9823 THEN 'C' ELSE 'D' END AS grade,
        CAST(CASE grade WHEN 'A' THEN 90 + 10 * u3 WHEN 'B' THEN 75 + 15 * u3 WHEN 'C' THEN 60 + 15 * u3
             ELSE 30 + 30 * u3 END AS DECIMAL(18, 1)) AS score""", extra={'industries': INDUSTRIES})


register_generator(40, feeds.SERVICE_ITEM, service_items, roster=True)
register_generator(41, feeds.CREDIT_GRADE, credit_grades, roster=True)

"""A year of 12345 requests for the demo district (~770,000 tickets; response ≈99%, resolution ≈90%, satisfaction
≈92% of those rated — the levels of the source documents), generated set-based in DuckDB."""
from __future__ import annotations

from fazhi.core.feed_demo import Gen, register_generator

from .feeds import HOTLINE_REQUEST

REQUESTS = 770_000
LIMIT_HOURS = 'CASE WHEN u8 < 0.05 THEN 2 WHEN u8 < 0.15 THEN 24 ELSE 168 END'  # urgent / 24 h / 7 days
TOPICS = (  # (category, a typical request) — the category list of a district hotline
    ('噪音扰民', '反映小区附近夜间施工噪音扰民，要求处理'), ('物业管理', '反映小区电梯长期故障，物业不予维修'),
    ('市容环境', '反映路边垃圾堆积无人清运'), ('消费维权', '反映商户拒绝退还预付卡余额'),
    ('劳动社保', '反映用人单位拖欠工资，要求协调解决'), ('交通管理', '反映路口信号灯绿灯时间过短，行人难以通过'),
    ('住房保障', '咨询公租房申请条件及办理流程'), ('供暖', '反映家中暖气不热，室温不达标'),
    ('城乡建设', '反映小区周边违法建设'), ('医疗卫生', '反映社区卫生服务中心就诊排队时间过长'),
    ('教育', '咨询义务教育阶段入学政策'), ('市场监管', '反映餐馆后厨卫生状况差'),
    ('公共安全', '反映小区消防通道被车辆占用'), ('民政服务', '咨询高龄津贴申领办法'),
    ('水电气热', '反映小区停水未提前通知'), ('停车管理', '反映小区周边道路乱停车'),
    ('园林绿化', '反映小区树木遮挡采光，要求修剪'), ('户籍办理', '咨询新生儿落户办理材料'),
)


def requests(gen: Gen) -> int:
    categories = tuple(c for c, _ in TOPICS)
    contents = tuple(t for _, t in TOPICS)
    k = f'CAST(hash(i, 21, {gen.seed}) % {len(TOPICS)} AS BIGINT) + 1'
    return gen.insert(HOTLINE_REQUEST, gen.n(REQUESTS), f"""
        'GD{gen.year}' || lpad(CAST(i + 1 AS VARCHAR), 8, '0') AS ticket_no,
        {gen.start()} + to_seconds(CAST(floor(u1 * 365 * 86400) AS BIGINT)) AS received_at,
        CASE WHEN u2 < 0.70 THEN 'phone' WHEN u2 < 0.82 THEN 'app' WHEN u2 < 0.92 THEN 'wechat'
             WHEN u2 < 0.98 THEN 'web'
             ELSE 'other' END AS channel,
        w.categories[{k}] AS category, w.contents[{k}] AS content, fz_pick(w.service, i, 22) AS unit_code,
        u3 < 0.92 AS dispatched, CASE WHEN dispatched THEN u4 < 0.993 ELSE true END AS responded,
        u5 < 0.90 AS resolved, u6 < 0.86 AS rated,
        CASE WHEN NOT rated THEN 'not_rated'
             WHEN u7 < CASE WHEN resolved THEN 0.95 ELSE 0.60 END THEN 'satisfied'
             WHEN u7 < CASE WHEN resolved THEN 0.98 ELSE 0.75 END THEN 'basically_satisfied'
             ELSE 'dissatisfied' END AS satisfaction,
        received_at + to_hours({LIMIT_HOURS}) AS due_at,
        received_at + to_minutes(CAST({LIMIT_HOURS} * 60 * CASE WHEN u9 < 0.97 THEN pow(u10, 1.5) ELSE 1 + u10 END
                                      AS BIGINT)) AS closed_at,
        CAST(date_diff('minute', received_at, closed_at) / 60.0 AS DECIMAL(18, 2)) AS handling_hours,
        u11 < 0.015 AS excluded""", extra={'categories': categories, 'contents': contents})


register_generator(10, HOTLINE_REQUEST, requests)

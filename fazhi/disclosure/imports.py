"""Excel/CSV import of disclosure requests (their history included) and proactive items."""
from __future__ import annotations

from typing import Any

from fazhi.imports.ledgers import assign, blank, upsert_save
from fazhi.imports.registry import register_ledger
from fazhi.legality.ledger_import import Column, LedgerSpec

from .choices import ApplicantKind, ItemCategory, ItemChannel, ReplyOutcome, RequestChannel, RequestState
from .models import DisclosureItem, DisclosureRequest

GROUP = '政务服务与公开'


def _request_check(row: dict[str, Any]) -> list[tuple[str, str]]:
    errors = []
    if bool(row['replied_on']) != bool(row['outcome']):
        errors.append(('outcome', '“答复日期”和“答复类型”应同时填写或同时不填'))
    if row['replied_on'] and row['replied_on'] < row['received_on']:
        errors.append(('replied_on', '答复日期不能早于收到申请日期'))
    if row['correction_received_on'] and not row['correction_requested_on']:
        errors.append(('correction_received_on', '填写了收到补正日期，但没有告知补正日期'))
    return errors


def _request_state(row: dict[str, Any]) -> str:
    if row['replied_on']:
        return RequestState.REPLIED
    if row['correction_requested_on'] and not row['correction_received_on']:
        return RequestState.CORRECTING
    return RequestState.RECEIVED


def _request(row: dict[str, Any]) -> DisclosureRequest:
    obj = DisclosureRequest.objects.filter(request_no=row['request_no']).first() or DisclosureRequest()
    return assign(obj, {
        'request_no': row['request_no'], 'unit': row['unit'],
        'applicant_kind': row['applicant_kind'] or ApplicantKind.CITIZEN, 'applicant_name': row['applicant_name'],
        'content': row['content'], 'channel': row['channel'] or RequestChannel.ONLINE,
        'received_on': row['received_on'], 'correction_requested_on': row['correction_requested_on'],
        'correction_received_on': row['correction_received_on'], 'extended_on': row['extended_on'],
        'replied_on': row['replied_on'], 'outcome': blank(row['outcome']), 'state': _request_state(row)})


REQUEST_LEDGER = LedgerSpec('政府信息公开申请', DisclosureRequest, (
    Column('request_no', '申请编号', required=True, example='YSQ2025-0001'),
    Column('unit', '受理机关', 'unit', True, example='区住房和城乡建设委员会'),
    Column('applicant_kind', '申请人类型', 'choice', choices=ApplicantKind, example='自然人'),
    Column('applicant_name', '申请人', required=True, example='张某'),
    Column('content', '申请公开的内容', required=True, example='某小区旧城改造项目的征收补偿方案'),
    Column('channel', '申请方式', 'choice', choices=RequestChannel, example='网络'),
    Column('received_on', '收到申请日期', 'date', True, example='2025-03-03'),
    Column('correction_requested_on', '告知补正日期', 'date'),
    Column('correction_received_on', '收到补正日期', 'date'),
    Column('extended_on', '延期批准日期', 'date'),
    Column('replied_on', '答复日期', 'date', example='2025-03-25'),
    Column('outcome', '答复类型', 'choice', choices=ReplyOutcome, example='予以公开'),
), build=_request, save=upsert_save('批量导入政府信息公开申请'), check=_request_check)


def _item(row: dict[str, Any]) -> DisclosureItem:
    obj = DisclosureItem.objects.filter(unit=row['unit'], title=row['title'], formed_on=row['formed_on']).first()
    return assign(obj or DisclosureItem(), {
        'unit': row['unit'], 'title': row['title'], 'category': row['category'], 'formed_on': row['formed_on'],
        'published_on': row['published_on'], 'channel': row['channel'] or ItemChannel.WEBSITE,
        'url': blank(row['url'])})


ITEM_LEDGER = LedgerSpec('主动公开信息', DisclosureItem, (
    Column('unit', '公开单位', 'unit', True, example='区财政局'),
    Column('title', '信息标题', required=True, example='云溪区2025年区级部门预算'),
    Column('category', '公开类别', 'choice', True, ItemCategory, example='财政预决算'),
    Column('formed_on', '信息形成（变更）日期', 'date', True, example='2025-02-10'),
    Column('published_on', '公开日期', 'date', example='2025-02-20'),
    Column('channel', '公开渠道', 'choice', choices=ItemChannel, example='政府网站'),
    Column('url', '网址'),
), build=_item, save=upsert_save('批量导入主动公开信息'))

register_ledger('disclosure_request', REQUEST_LEDGER, GROUP, 'disclosure:request_list', key_text='申请编号',
                order=45)
register_ledger('disclosure_item', ITEM_LEDGER, GROUP, 'disclosure:item_list', key_text='公开单位＋信息标题＋形成日期',
                order=46)

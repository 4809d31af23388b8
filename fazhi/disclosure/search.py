from fazhi.core.search import register

register('disclosure.DisclosureRequest', 'request_no', 'content')
register('disclosure.DisclosureItem', 'title')

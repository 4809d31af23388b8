from fazhi.core.feeds import nav_items
from fazhi.core.navigation import register

from . import feeds

register(*nav_items(feeds.SERVICE_ITEM, feeds.CREDIT_GRADE))

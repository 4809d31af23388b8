from fazhi.core.feeds import nav_items
from fazhi.core.navigation import register

from . import feeds

register(*nav_items(feeds.MEDIATION, feeds.PETITION, feeds.LEGAL_AID, feeds.LEGAL_HOTLINE))

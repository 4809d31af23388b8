from fazhi.core.feeds import nav_items
from fazhi.core.navigation import register

from .feeds import HOTLINE_REQUEST

register(*nav_items(HOTLINE_REQUEST))

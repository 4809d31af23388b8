from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from fazhi.core import feed_views, rest
from fazhi.organization.forms import LoginForm

api_patterns = [
    path('token/', rest.TokenView.as_view(), name='api_token'),
    path('deadlines/', rest.DeadlineView.as_view(), name='api_deadlines'),
    path('calendar/', rest.CalendarDayView.as_view(), name='api_calendar'),
    path('', include(rest.router.urls)),
    path('organization/', include('fazhi.organization.api.urls')),
    path('indicators/', include('fazhi.indicators.api_urls')),
    path('reconsideration/', include('fazhi.reconsideration.api.urls')),
    path('litigation/', include('fazhi.litigation.api.urls')),
    path('legality/', include('fazhi.legality.api.urls')),
    path('reports-intel/', include('fazhi.reports_intel.api.urls')),
    path('feeds/', include(feed_views.api_urlpatterns)),
    path('imports/', include('fazhi.imports.api.urls')),
    path('supervision/', include('fazhi.supervision.api.urls')),
    path('emergency/', include('fazhi.emergency.api.urls')),
    path('disclosure/', include('fazhi.disclosure.api.urls')),
    path('legal-education/', include('fazhi.legal_education.api.urls')),
    path('normative/', include('fazhi.normative.api.urls')),
    path('assessment/', include('fazhi.assessment.api.urls')),
    path('decisions/', include('fazhi.decisions.api.urls')),
    path('reports/', include('fazhi.reports.api.urls')),
]

urlpatterns = [
    path('accounts/login/', auth_views.LoginView.as_view(authentication_form=LoginForm), name='login'),
    path('accounts/logout/', auth_views.LogoutView.as_view(), name='logout'),
    path('accounts/password/', auth_views.PasswordChangeView.as_view(success_url='/'), name='password_change'),
    path('api/schema/', SpectacularAPIView.as_view(), name='api_schema'),
    path('api/docs/', SpectacularSwaggerView.as_view(url_name='api_schema'), name='api_docs'),
    path('api/', include(api_patterns)),
    path('organization/', include('fazhi.organization.urls')),
    path('indicators/', include('fazhi.indicators.urls')),
    path('reconsideration/', include('fazhi.reconsideration.urls')),
    path('public/reconsideration/', include('fazhi.reconsideration.public_urls')),
    path('litigation/', include('fazhi.litigation.urls')),
    path('legality/', include('fazhi.legality.urls')),
    path('reports-intel/', include('fazhi.reports_intel.urls')),
    path('feeds/', include((feed_views, 'feeds'))),
    path('imports/', include('fazhi.imports.urls')),
    path('supervision/', include('fazhi.supervision.urls')),
    path('emergency/', include('fazhi.emergency.urls')),
    path('disclosure/', include('fazhi.disclosure.urls')),
    path('legal-education/', include('fazhi.legal_education.urls')),
    path('normative/', include('fazhi.normative.urls')),
    path('public/normative/', include('fazhi.normative.public_urls')),
    path('assessment/', include('fazhi.assessment.urls')),
    path('public/assessment/', include('fazhi.assessment.public_urls')),
    path('decisions/', include('fazhi.decisions.urls')),
    path('public/decisions/', include('fazhi.decisions.public_urls')),
    path('reports/', include('fazhi.reports.urls')),
    path('public/reports/', include('fazhi.reports.public_urls')),
    path('', include('fazhi.core.urls')),
]

"""Django settings for Fazhi, read from environment variables.

DATABASE_URL selects the application database (default: SQLite under ./var/);
FAZHI_DATA_DIR holds the SQLite file, the DuckDB analytics store and uploads.
"""
from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get('FAZHI_DATA_DIR', Path.cwd() / 'var')).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {'1', 'true', 'yes', 'on'}


def _secret_key() -> str:
    if key := os.environ.get('FAZHI_SECRET_KEY'):
        return key
    key_file = DATA_DIR / 'secret_key'
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool('FAZHI_DEBUG')
ALLOWED_HOSTS = os.environ.get('FAZHI_ALLOWED_HOSTS', 'localhost,127.0.0.1,[::1],testserver').split(',')
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get('FAZHI_CSRF_TRUSTED_ORIGINS', '').split(',') if o]

INSTALLED_APPS = [
    'django.contrib.auth',
    'django.contrib.contenttypes',
    'django.contrib.sessions',
    'django.contrib.messages',
    'django.contrib.staticfiles',
    'django.contrib.humanize',
    'rest_framework',
    'rest_framework.authtoken',
    'django_filters',
    'drf_spectacular',
    'drf_spectacular_sidecar',
    'fazhi.core',
    'fazhi.organization',
    'fazhi.indicators',
    'fazhi.reconsideration',
    'fazhi.litigation',
    'fazhi.legality',
    'fazhi.reports_intel',
    'fazhi.imports',
    'fazhi.enforcement',
    'fazhi.hotline',
    'fazhi.disputes',
    'fazhi.services_list',
    'fazhi.emergency',
    'fazhi.supervision',
    'fazhi.disclosure',
    'fazhi.legal_education',
    'fazhi.normative',
    'fazhi.assessment',
    'fazhi.decisions',
    'fazhi.reports',
]

MIDDLEWARE = [
    'django.middleware.security.SecurityMiddleware',
    'whitenoise.middleware.WhiteNoiseMiddleware',
    'django.contrib.sessions.middleware.SessionMiddleware',
    'django.middleware.locale.LocaleMiddleware',
    'django.middleware.common.CommonMiddleware',
    'django.middleware.csrf.CsrfViewMiddleware',
    'django.contrib.auth.middleware.AuthenticationMiddleware',
    'django.contrib.messages.middleware.MessageMiddleware',
    'django.middleware.clickjacking.XFrameOptionsMiddleware',
    'fazhi.core.middleware.RequestContextMiddleware',
]

ROOT_URLCONF = 'fazhi.urls'
WSGI_APPLICATION = 'fazhi.wsgi.application'

TEMPLATES = [{
    'BACKEND': 'django.template.backends.django.DjangoTemplates',
    'DIRS': [],
    'APP_DIRS': True,
    'OPTIONS': {'context_processors': [
        'django.template.context_processors.request',
        'django.contrib.auth.context_processors.auth',
        'django.contrib.messages.context_processors.messages',
        'fazhi.core.navigation.navigation',
    ]},
}]

DATABASES = {'default': dj_database_url.parse(
    os.environ.get('DATABASE_URL', f'sqlite:///{DATA_DIR / "fazhi.sqlite3"}'), conn_max_age=60,
)}
if DATABASES['default']['ENGINE'].endswith('sqlite3'):
    DATABASES['default'].setdefault('OPTIONS', {}).update({
        'timeout': 20, 'transaction_mode': 'IMMEDIATE',
        'init_command': 'PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;',
    })
DEFAULT_AUTO_FIELD = 'django.db.models.BigAutoField'
ANALYTICS_DB = Path(os.environ.get('FAZHI_ANALYTICS_DB', DATA_DIR / 'analytics.duckdb'))

AUTH_USER_MODEL = 'organization.User'
LOGIN_URL = 'login'
LOGIN_REDIRECT_URL = 'home'
LOGOUT_REDIRECT_URL = 'login'
AUTHENTICATION_BACKENDS = ['fazhi.organization.auth.LockoutModelBackend']
AUTH_PASSWORD_VALIDATORS = [
    {'NAME': 'django.contrib.auth.password_validation.UserAttributeSimilarityValidator'},
    {'NAME': 'django.contrib.auth.password_validation.MinimumLengthValidator', 'OPTIONS': {'min_length': 10}},
    {'NAME': 'django.contrib.auth.password_validation.CommonPasswordValidator'},
    {'NAME': 'django.contrib.auth.password_validation.NumericPasswordValidator'},
    {'NAME': 'fazhi.organization.auth.CharacterClassValidator'},
]
# 等保三级: lock an account after repeated failures; expire idle sessions.
FAZHI_LOCKOUT_THRESHOLD = int(os.environ.get('FAZHI_LOCKOUT_THRESHOLD', 5))
FAZHI_LOCKOUT_MINUTES = int(os.environ.get('FAZHI_LOCKOUT_MINUTES', 30))
FAZHI_PASSWORD_MAX_AGE_DAYS = int(os.environ.get('FAZHI_PASSWORD_MAX_AGE_DAYS', 90))
SESSION_COOKIE_AGE = int(os.environ.get('FAZHI_SESSION_IDLE_SECONDS', 30 * 60))
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
FAZHI_TOKEN_TTL = timedelta(hours=int(os.environ.get('FAZHI_TOKEN_TTL_HOURS', 12)))

LANGUAGE_CODE = 'zh-hans'
LANGUAGES = [('zh-hans', '简体中文')]
TIME_ZONE = 'Asia/Shanghai'
USE_I18N = True
USE_TZ = True

STATIC_URL = '/static/'
STATIC_ROOT = DATA_DIR / 'static'
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [('vendor/bootstrap', Path(__import__('bootstrap').__path__[0]))]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_ROOT = DATA_DIR / 'media'

REST_FRAMEWORK = {
    'DEFAULT_AUTHENTICATION_CLASSES': [
        'fazhi.core.api_auth.ExpiringTokenAuthentication',
        'rest_framework.authentication.SessionAuthentication',
    ],
    'DEFAULT_PERMISSION_CLASSES': ['fazhi.core.api_auth.ScopedPermission'],
    'DEFAULT_FILTER_BACKENDS': ['django_filters.rest_framework.DjangoFilterBackend'],
    'DEFAULT_PAGINATION_CLASS': 'rest_framework.pagination.LimitOffsetPagination',
    'PAGE_SIZE': 50,
    'DEFAULT_SCHEMA_CLASS': 'drf_spectacular.openapi.AutoSchema',
    'EXCEPTION_HANDLER': 'fazhi.core.api_auth.exception_handler',
}
SPECTACULAR_SETTINGS = {
    'TITLE': 'Fazhi 法治政府建设智能化一体平台 API',
    'DESCRIPTION': '与页面相同的权限规则；令牌认证：请求头 Authorization: Token <令牌>。',
    'VERSION': '0.1.0',
    'SWAGGER_UI_DIST': 'SIDECAR',
    'SWAGGER_UI_FAVICON_HREF': 'SIDECAR',
    'REDOC_DIST': 'SIDECAR',
    'SERVE_INCLUDE_SCHEMA': False,
    'ENUM_NAME_OVERRIDES': {
        'DecisionsCatalogueStateEnum': 'fazhi.decisions.choices.CatalogueState',
        'DecisionsDecisionStateEnum': 'fazhi.decisions.choices.DecisionState',
        'DecisionsProcedureKindEnum': 'fazhi.decisions.choices.ProcedureKind',
        'DecisionsProcedureStatusEnum': 'fazhi.decisions.choices.ProcedureStatus',
        'DecisionsModerationEnum': 'fazhi.decisions.choices.Moderation',
        'DecisionsDispositionEnum': 'fazhi.decisions.choices.Disposition',
        'DecisionsEvaluationConclusionEnum': 'fazhi.decisions.choices.EvaluationConclusion',
        'LegalityMatterTypeEnum': 'fazhi.legality.choices.MatterType',
        'LegalityReviewStateEnum': 'fazhi.legality.choices.ReviewState',
        'LegalityReviewOutcomeEnum': 'fazhi.legality.choices.ReviewOutcome',
        'LegalityAdviserKindEnum': 'fazhi.legality.choices.AdviserKind',
        'LegalityEngagementKindEnum': 'fazhi.legality.choices.EngagementKind',
        'NormativeDocumentStateEnum': 'fazhi.normative.choices.DocumentState',
        'NormativeSubjectEnum': 'fazhi.normative.choices.Subject',
        'NormativeEventKindEnum': 'fazhi.normative.choices.EventKind',
        'NormativeFilingReviewResultEnum': 'fazhi.normative.choices.FilingReviewResult',
        'NormativeCampaignStateEnum': 'fazhi.normative.choices.CampaignState',
        'NormativeCleanupDecisionEnum': 'fazhi.normative.choices.CleanupDecision',
        'ReconsiderationStateEnum': 'fazhi.reconsideration.choices.State',
        'ReconsiderationOutcomeEnum': 'fazhi.reconsideration.choices.Outcome',
        'ReconsiderationPartyKindEnum': 'fazhi.reconsideration.choices.PartyKind',
        'ReconsiderationFeedbackKindEnum': 'fazhi.reconsideration.choices.FeedbackKind',
        'LawsuitStateEnum': 'fazhi.litigation.choices.State',
        'LawsuitOutcomeEnum': 'fazhi.litigation.choices.Outcome',
    },
}

LOGGING = {
    'version': 1,
    'disable_existing_loggers': False,
    'handlers': {'console': {'class': 'logging.StreamHandler'}},
    'root': {'handlers': ['console'], 'level': os.environ.get('FAZHI_LOG_LEVEL', 'WARNING')},
}

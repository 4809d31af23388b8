from fazhi.core.search import register

register('reports_intel.ReportDocument', 'title', 'file_name', 'region', 'issuer')
register('reports_intel.ReportFinding', 'message')

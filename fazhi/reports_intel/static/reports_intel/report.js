/* Report page: clicking a highlighted span shows its facts (value, unit, qualifier, subject, indicator, period)
   and the findings it belongs to; links from the fact table, the findings and the benchmark focus a span. */
window.fazhiReport = (function () {
  function data(id) { var el = document.getElementById(id); return el ? JSON.parse(el.textContent) : {}; }
  function esc(s) { var d = document.createElement('div'); d.textContent = s == null ? '' : String(s); return d.innerHTML; }
  var facts = {}, findings = {};

  function factHtml(id) {
    var f = facts[id]; if (!f) return '';
    var rows = [['原文', '“' + f.text + '”'], ['数值', f.value], ['单位', f.unit || '—'], ['限定词', f.qualifier || '—'],
      ['主题', f.subject || '—'], ['指标', f.indicator ? (f.indicator_name + '（' + f.indicator + '）') : '未对应指标'],
      ['年份', f.period || '未识别']];
    if (f.comparison) rows.push(['比较', f.comparison]);
    return '<dl class="row mb-2 fact-detail">' + rows.map(function (r) {
      return '<dt class="col-4">' + esc(r[0]) + '</dt><dd class="col-8 mb-1">' + esc(r[1]) + '</dd>'; }).join('') + '</dl>';
  }

  function show(span) {
    document.querySelectorAll('.hl.active').forEach(function (el) { el.classList.remove('active'); });
    span.classList.add('active');
    var html = '<h2 class="h6">所选内容</h2>';
    var ids = (span.dataset.facts || '').split(',').filter(Boolean);
    ids.forEach(function (id) { html += factHtml(id); });
    (span.dataset.findings || '').split(',').filter(Boolean).forEach(function (seq) {
      var g = findings[seq]; if (!g) return;
      html += '<div class="alert alert-danger py-1 px-2 mb-2 finding-detail"><strong>' + esc(g.label) + '</strong>：' +
        esc(g.message) + '</div>';
    });
    document.getElementById('hl-detail').innerHTML = html;
  }

  function focusFact(id) {
    var anchor = document.getElementById('fact-' + id); if (!anchor) return;
    var span = anchor.nextElementSibling;
    while (span && !span.classList.contains('hl')) span = span.nextElementSibling;
    if (span) { show(span); span.scrollIntoView({ block: 'center' }); }
  }

  function init(focus) {
    facts = data('fact-data'); findings = data('finding-data');
    var text = document.getElementById('report-text'); if (!text) return;
    text.addEventListener('click', function (e) { var s = e.target.closest('.hl'); if (s) show(s); });
    text.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') { var s = e.target.closest('.hl'); if (s) show(s); } });
    document.querySelectorAll('.fact-link').forEach(function (a) {
      a.addEventListener('click', function (e) { e.preventDefault(); focusFact(a.dataset.fact); }); });
    document.querySelectorAll('.finding-place').forEach(function (a) {
      a.addEventListener('click', function (e) {
        var anchor = document.getElementById(a.getAttribute('href').slice(1)); if (!anchor) return;
        e.preventDefault(); var span = anchor.nextElementSibling;
        while (span && !span.classList.contains('hl')) span = span.nextElementSibling;
        if (span) { show(span); span.scrollIntoView({ block: 'center' }); }
      }); });
    if (focus) focusFact(focus);
  }
  return { init: init, focusFact: focusFact };
})();

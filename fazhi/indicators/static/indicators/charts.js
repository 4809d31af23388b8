/* Charts of the indicator pages, drawn with the locally served ECharts. */
window.fazhiCharts = (function () {
  function init(id) { var el = document.getElementById(id); if (!el || !window.echarts) return null;
    var chart = echarts.init(el); window.addEventListener('resize', function () { chart.resize(); }); return chart; }
  return {
    trend: function (id, data, unit, onClick) {
      var chart = init(id); if (!chart) return;
      chart.setOption({ tooltip: { trigger: 'axis' }, grid: { left: 50, right: 20, top: 20, bottom: 30 },
        xAxis: { type: 'category', data: data.labels }, yAxis: { type: 'value', name: unit },
        series: [{ type: 'line', data: data.values, smooth: true, connectNulls: true }] });
      chart.on('click', function (p) { onClick(p.name); });
    },
    multiTrend: function (id, all) {
      var chart = init(id); if (!chart) return; var series = [], labels = [];
      Object.keys(all).forEach(function (k) { var d = all[k]; if (d.labels.length > labels.length) labels = d.labels;
        series.push({ name: d.name, type: 'line', data: d.values, smooth: true, connectNulls: true }); });
      chart.setOption({ tooltip: { trigger: 'axis' }, legend: { type: 'scroll', top: 0 },
        grid: { left: 45, right: 15, top: 35, bottom: 30 }, xAxis: { type: 'category', data: labels },
        yAxis: { type: 'value' }, series: series });
    },
    ranking: function (id, rows, onClick) {
      var chart = init(id); if (!chart || !rows.length) return; rows = rows.slice().reverse();
      chart.setOption({ tooltip: {}, grid: { left: 130, right: 30, top: 10, bottom: 20 },
        xAxis: { type: 'value' }, yAxis: { type: 'category', data: rows.map(function (r) { return r.name; }) },
        series: [{ type: 'bar', data: rows.map(function (r) { return { value: r.value, code: r.code }; }),
                   label: { show: true, position: 'right' } }] });
      chart.on('click', function (p) { onClick(p.data.code); });
    }
  };
})();

/* Benchmark page: one ECharts bar chart per indicator (regions side by side), drawn with the local ECharts. */
window.fazhiBenchmark = (function () {
  function draw(el, c) {
    if (!window.echarts) return;
    var chart = echarts.init(el);
    window.addEventListener('resize', function () { chart.resize(); });
    chart.setOption({
      tooltip: { trigger: 'item', formatter: function (p) {
        return p.name + '：' + p.value + c.unit + '（' + (c.periods[p.dataIndex] || '年份不详') + '年）'; } },
      grid: { left: 55, right: 15, top: 30, bottom: 30 },
      xAxis: { type: 'category', data: c.regions },
      yAxis: { type: 'value', name: c.unit },
      series: [{ type: 'bar', data: c.values, barMaxWidth: 40, label: { show: true, position: 'top' } }]
    });
    chart.on('click', function (p) { var url = c.urls[p.dataIndex]; if (url) location.href = url; });
  }
  return {
    init: function (charts) {
      charts.forEach(function (c, i) { var el = document.getElementById('chart-' + i); if (el) draw(el, c); });
    }
  };
})();

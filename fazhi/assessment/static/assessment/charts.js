/* Charts of the assessment pages, drawn with the locally served ECharts. */
window.assessmentCharts = (function () {
  function init(id) { var el = document.getElementById(id); if (!el || !window.echarts) return null;
    var chart = echarts.init(el); window.addEventListener('resize', function () { chart.resize(); }); return chart; }
  return {
    totals: function (id, groups) {
      var chart = init(id); if (!chart || !groups.length) return;
      var grids = [], xs = [], ys = [], series = [], titles = [], n = groups.length;
      groups.forEach(function (g, i) {
        var rows = g.rows.filter(function (r) { return r.value !== null; }).slice().reverse();
        var top = (i * 100 / n) + 4, height = (100 / n) - 8;
        titles.push({ text: g.name, top: (i * 100 / n) + '%', left: 'center', textStyle: { fontSize: 13 } });
        grids.push({ left: 130, right: 40, top: top + '%', height: height + '%' });
        xs.push({ type: 'value', gridIndex: i, max: 100 });
        ys.push({ type: 'category', gridIndex: i, data: rows.map(function (r) { return r.name; }), axisLabel: { fontSize: 11 } });
        series.push({ type: 'bar', xAxisIndex: i, yAxisIndex: i, itemStyle: { color: '#b22222' },
          label: { show: true, position: 'right', fontSize: 10 },
          data: rows.map(function (r) { return { value: r.value, url: r.url }; }) });
      });
      chart.setOption({ title: titles, tooltip: {}, grid: grids, xAxis: xs, yAxis: ys, series: series });
      chart.on('click', function (p) { if (p.data && p.data.url) location.href = p.data.url; });
    },
    heatmap: function (id, data) {
      var chart = init(id); if (!chart) return; var points = [];
      data.series.forEach(function (s, y) { s.values.forEach(function (v, x) { points.push([x, y, v === null ? '-' : v]); }); });
      chart.setOption({ tooltip: { position: 'top' }, grid: { left: 130, right: 20, top: 10, bottom: 90 },
        xAxis: { type: 'category', data: data.areas, axisLabel: { interval: 0, rotate: 35, fontSize: 10 } },
        yAxis: { type: 'category', data: data.series.map(function (s) { return s.name; }), axisLabel: { fontSize: 10 } },
        visualMap: { min: 0, max: 100, calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
                     inRange: { color: ['#f8d7da', '#fff3cd', '#d1e7dd'] } },
        series: [{ type: 'heatmap', data: points, label: { show: true, fontSize: 9 } }] });
    },
    radar: function (id, data) {
      var chart = init(id); if (!chart || !data.areas.length) return;
      chart.setOption({ tooltip: {}, legend: { bottom: 0, data: [data.name, '同类平均'] },
        radar: { indicator: data.areas.map(function (a) { return { name: a.length > 8 ? a.slice(0, 8) + '…' : a, max: 100 }; }),
                 radius: '60%' },
        series: [{ type: 'radar', data: [{ name: data.name, value: data.unit.map(function (v) { return v === null ? 0 : v; }) },
                                         { name: '同类平均', value: data.mean.map(function (v) { return v === null ? 0 : v; }) }] }] });
    }
  };
})();

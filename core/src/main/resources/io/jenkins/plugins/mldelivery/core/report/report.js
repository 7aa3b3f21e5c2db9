/* Draws the report's charts. Each chart is a div with a data-chart attribute naming the element
   (a JSON script) that holds its ECharts option. Each chart div records the outcome in
   data-rendered, so the page says which charts are missing when something goes wrong. */
(function () {
  'use strict';
  var charts = [];
  var failures = [];

  function optionOf(id) {
    var option = JSON.parse(document.getElementById(id).textContent);
    option.animation = false; // a report is read, not watched; and screenshots must be complete
    return option;
  }

  function draw(element, id) {
    try {
      var chart = echarts.getInstanceByDom(element) || echarts.init(element, null, {renderer: 'canvas'});
      chart.setOption(optionOf(id), true);
      element.setAttribute('data-rendered', 'true');
      return chart;
    }
    catch (e) {
      element.setAttribute('data-rendered', 'false');
      element.textContent = 'This chart could not be drawn: ' + e;
      failures.push(e);
      return null;
    }
  }

  document.documentElement.className += ' js';
  if (typeof echarts === 'undefined') {
    throw new Error('ECharts is missing from this report');
  }
  var elements = document.querySelectorAll('[data-chart]');
  for (var i = 0; i < elements.length; i++) {
    var chart = draw(elements[i], elements[i].getAttribute('data-chart'));
    if (chart) {
      charts.push(chart);
    }
  }

  var select = document.getElementById('histogram-feature');
  if (select) {
    select.addEventListener('change', function () {
      var element = document.getElementById('histogram-chart');
      element.setAttribute('data-chart', select.value);
      draw(element, select.value);
    });
  }

  window.addEventListener('resize', function () {
    for (var j = 0; j < charts.length; j++) {
      charts[j].resize();
    }
  });
  document.body.setAttribute('data-charts-rendered', String(charts.length));
  if (failures.length > 0) {
    throw failures[0]; // shows in the console; the other charts are drawn
  }
})();

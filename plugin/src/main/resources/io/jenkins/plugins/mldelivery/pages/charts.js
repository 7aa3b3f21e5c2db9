/* global echarts, echartsJenkinsApi, mlDeliveryCharts */
/*
 * Draws the charts of the ML Delivery build page: every element with the class ml-delivery-chart
 * names its chart in data-chart; the model comes from the build action over Ajax (getChartModel),
 * never from an inline script.
 */
window.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll(".ml-delivery-chart").forEach((element) => {
    const chart = echarts.init(element);
    chart.showLoading();
    mlDeliveryCharts.getChartModel(element.dataset.chart, (response) => {
      chart.hideLoading();
      const option = JSON.parse(echartsJenkinsApi.resolveJenkinsColors(response.responseJSON));
      chart.setOption(option);
    });
    window.addEventListener("resize", () => chart.resize());
  });
});

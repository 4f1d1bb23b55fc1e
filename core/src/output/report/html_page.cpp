#include "output/report/html_page.hpp"

#include "output/html_text.hpp"
#include "output/report/json_rows.hpp"

namespace splitsim {
namespace {

// Renders each chart's spec into its container with the SVG renderer (printable, and its marks carry
// ARIA labels); the body's data attributes tell a reader (and the tests) that every chart was drawn.
constexpr const char* kRenderScript = R"js(
(function () {
  var errors = [];
  window.addEventListener('error', function (e) { errors.push(String(e.message)); document.body.dataset.chartErrors = errors.join('; '); });
  var specs = document.querySelectorAll('script[type="application/json"][data-chart]');
  var views = [];
  specs.forEach(function (element) {
    try {
      var view = new vega.View(vega.parse(JSON.parse(element.textContent)), {
        renderer: 'svg', container: document.getElementById(element.dataset.chart), hover: true });
      views.push(view.runAsync());
    } catch (e) { errors.push(element.dataset.chart + ': ' + e); console.error(e); }
  });
  Promise.all(views).then(function () {
    document.body.dataset.chartsRendered = String(views.length);
    if (errors.length) document.body.dataset.chartErrors = errors.join('; ');
  }, function (e) { console.error(e); document.body.dataset.chartErrors = String(e); });
})();
)js";

}  // namespace

void HtmlPage::section(const std::string& id, const std::string& title) {
  if (open_) body_ += "</section>\n";
  body_ += "<section id=\"" + id + "\"><h2>" + html_escape(title) + "</h2>\n";
  open_ = true;
}

void HtmlPage::chart(const std::string& spec, const std::string& guide) {
  const std::string id = "chart-" + std::to_string(++charts_);
  body_ += "<figure><div class=\"vega\" id=\"" + id + "\" role=\"img\" aria-label=\"" + html_escape(guide) +
           "\"></div><figcaption class=\"guide\">" + html_escape(guide) + "</figcaption></figure>\n";
  body_ += "<script type=\"application/json\" data-chart=\"" + id + "\">" + script_safe(spec) + "</script>\n";
}

std::string HtmlPage::finish(const std::string& title, std::string_view style, const std::string& figures) {
  if (open_) body_ += "</section>\n";
  open_ = false;
  std::string page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  page += "<title>" + html_escape(title) + "</title>\n<style>" + std::string(style) + "</style>\n</head>\n";
  page += "<body data-charts=\"" + std::to_string(charts_) + "\">\n" + body_;
  if (!figures.empty()) {
    page +=
        "<script type=\"application/json\" id=\"splitsim-figures\">" + script_safe(figures) + "</script>\n";
  }
  page += "<script>\n" + std::string(vega_library()) + "\n</script>\n";
  page += "<script>" + std::string(kRenderScript) + "</script>\n</body>\n</html>\n";
  return page;
}

}  // namespace splitsim

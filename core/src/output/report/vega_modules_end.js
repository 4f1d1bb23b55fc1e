// window.vega from the embedded modules, with the transforms the vega package itself registers (data,
// view layout and encoding: what the report's charts use).
(function () {
  var require = window.__splitsimVegaRequire;
  var vega = {};
  ['vega-util', 'vega-loader', 'vega-format', 'vega-time', 'vega-dataflow', 'vega-scale', 'vega-scenegraph',
   'vega-statistics', 'vega-expression', 'vega-functions', 'vega-runtime', 'vega-parser', 'vega-view',
   'vega-transforms', 'vega-view-transforms', 'vega-encode'].forEach(function (name) {
    Object.assign(vega, require(name));
  });
  Object.assign(require('vega-dataflow').transforms, require('vega-transforms'), require('vega-view-transforms'),
                require('vega-encode'));
  delete window.define;
  window.vega = vega;
})();

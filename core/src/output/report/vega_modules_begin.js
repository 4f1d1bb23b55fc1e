// Debian ships Vega as one UMD file per module. In a page without a module loader each file would replace
// window.vega with an empty object, so the files are loaded through this small AMD `define` instead, each
// after __splitsimVegaModule(name) says which module it is; vega_modules_end.js assembles window.vega.
(function () {
  var factories = {}, loaded = {}, current = null;
  window.__splitsimVegaModule = function (name) { current = name; };
  window.define = function (dependencies, factory) { factories[current] = { dependencies: dependencies, factory: factory }; };
  window.define.amd = true;
  window.__splitsimVegaRequire = function require(name) {
    if (name === 'vega-selections') name = 'vega-selection';  // the npm name of Debian's vega-selection
    if (loaded[name]) return loaded[name];
    var module = factories[name];
    if (!module) throw new Error('Vega module ' + name + ' is not embedded');
    var exports = {};
    loaded[name] = exports;
    module.factory.apply(null, module.dependencies.map(function (d) { return d === 'exports' ? exports : require(d); }));
    return exports;
  };
})();

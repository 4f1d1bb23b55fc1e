// Why the recommendation wins: which uncertain inputs decide between it and its runner-up. Over the
// comparison trials, the rank (Spearman) correlation between each channel's drawn parameter and the
// per-trial difference in the objective's KPI; an input the choice does not depend on shows none.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine/engine.hpp"
#include "results.pb.h"

namespace splitsim {

// Spearman's rank correlation of x and y (average ranks for ties); 0 when either is constant or fewer than
// three pairs are given.
double rank_correlation(const std::vector<double>& x, const std::vector<double>& y);

// The inputs whose draws correlate most with `difference` (one value per trial of `engine`; trials where it
// is not finite are left out), strongest first: at most `top`, each with |correlation| >= `least`. Each
// names where its value comes from: "calibration", "scenario" (set in the channel's params) or "default"
// (the plugin's benchmark). Parameters drawn the same in every trial cannot drive anything.
std::vector<v1::Driver> decisive_inputs(const Engine& engine, const std::vector<double>& difference,
                                        std::size_t top = 5, double least = 0.1);

// One line in plain words on the strongest driver, e.g. "What decides it most is tiktok's cvr (conversions
// per click), the plugin's benchmark default: calibrate it ..."; empty without drivers.
std::string explain_drivers(const Engine& engine, const std::vector<v1::Driver>& drivers);

}  // namespace splitsim

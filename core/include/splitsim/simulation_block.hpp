// The input of one batch call: a block of trials of one channel under one allocation.
#pragma once

#include <cstddef>
#include <cstdint>

#include "splitsim/random_stream.hpp"

namespace splitsim {

// The kind of post the channel's organic effort makes (the scenario's `organic { format }`). Networks reward
// formats differently (a short video on TikTok, a text update on X), so a model may weigh what one post earns
// by it; a model that does not is free to ignore it.
enum class PostFormat : std::uint32_t {
  kCrafted = 0,  // an image and text, planned and reviewed (the default)
  kSimple = 1,   // a short text update
  kVideo = 2,    // an edited short video
};

// What the channel is given in every period (the same for all trials of the block).
struct ChannelPlan {
  const double* paid_spend = nullptr;     // [periods] money spent on paid media in each period
  const double* organic_posts = nullptr;  // [periods] posts published in each period (may be fractional)
  PostFormat post_format = PostFormat::kCrafted;
};

// One call simulates `trials` trials (global indices first_trial ... first_trial + trials - 1) over the
// whole horizon. Parameters were drawn by the runner from the scenario's distributions, once per trial.
struct SimulationBlock {
  std::uint64_t first_trial = 0;  // global index of the block's first trial: use it to address random draws
  std::size_t trials = 0;         // trials in this block
  std::size_t periods = 0;        // periods in the horizon
  double period_days = 7.0;       // length of one period in days
  // params[p][i] is parameter p (in PluginInfo::params order) for trial first_trial + i.
  const double* const* params = nullptr;
  ChannelPlan plan;
  // Noise stream of this channel: draw with (first_trial + i, period, draw index).
  RandomStream noise{0, 0, StreamId::kPeriodNoise};

  // Parameter p for the block's i-th trial.
  double param(std::size_t p, std::size_t i) const { return params[p][i]; }
};

}  // namespace splitsim

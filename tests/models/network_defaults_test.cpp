// Each bundled network's defaults against the figures its README cites, and the differences between
// networks the field reports. Medians are of the default distributions, truncated to the valid range.
#include <gtest/gtest.h>

#include <string>

#include "engine/parameter_sampler.hpp"
#include "feed_platform.hpp"
#include "instagram_defaults.hpp"
#include "linkedin_defaults.hpp"
#include "meta_defaults.hpp"
#include "pinterest_defaults.hpp"
#include "snapchat_defaults.hpp"
#include "tiktok_defaults.hpp"
#include "x_defaults.hpp"
#include "youtube_defaults.hpp"

namespace splitsim::plugins {
namespace {

double median(const FeedDefaults& d, FeedParam p) {
  const auto& spec = d.params[p];
  return truncated_quantile(spec.default_value, spec.min, spec.max, 0.5);
}

// Cost per click (or per view, per engagement) at the medians: CPM / (1000 x rate).
double cost_per(const FeedDefaults& d, FeedParam rate) {
  return median(d, kCpm) / (1000.0 * median(d, rate));
}

TEST(NetworkDefaults, InstagramMatchesAdStageAndSocialinsider) {
  const auto d = instagram_defaults();
  EXPECT_NEAR(median(d, kCpm), 6.90, 0.5);                         // AdStage Q3 2018
  EXPECT_NEAR(cost_per(d, kCtr), 1.09, 0.15);                      // CPC $1.09, same source
  EXPECT_NEAR(median(d, kOrganicReachRate), 0.135, 0.015);         // Socialinsider 2022
  EXPECT_NEAR(median(d, kOrganicEngagementRate), 0.0047, 0.0005);  // Rival IQ 2023
}

TEST(NetworkDefaults, TikTokMatchesTheReportedRanges) {
  const auto d = tiktok_defaults();
  EXPECT_GE(median(d, kCpm), 3.0);  // $3-12 by vertical
  EXPECT_LE(median(d, kCpm), 12.0);
  EXPECT_GE(median(d, kCtr), 0.005);  // 0.5-1.5%
  EXPECT_LE(median(d, kCtr), 0.015);
  EXPECT_GE(cost_per(d, kCtr), 0.30);  // CPC $0.30-1.50
  EXPECT_LE(cost_per(d, kCtr), 1.50);
  EXPECT_NEAR(median(d, kOrganicEngagementRate), 0.0263, 0.003);  // Rival IQ 2023
}

TEST(NetworkDefaults, YouTubeViewsCostWhatTheSourcesSay) {
  const auto d = youtube_defaults();
  EXPECT_GE(median(d, kCpm), 3.53);                         // 2021
  EXPECT_LE(median(d, kCpm), 6.45);                         // Q4 2022
  EXPECT_NEAR(median(d, kPaidEngagementRate), 0.32, 0.03);  // view rate
  EXPECT_GE(cost_per(d, kPaidEngagementRate), 0.015);       // cost per view $0.02-0.03
  EXPECT_LE(cost_per(d, kPaidEngagementRate), 0.03);
}

TEST(NetworkDefaults, XMatchesItsEngagementFigures) {
  const auto d = x_defaults();
  EXPECT_NEAR(median(d, kCpm), 6.93, 0.5);                           // 2016
  EXPECT_NEAR(median(d, kOrganicEngagementRate), 0.00035, 0.00005);  // Rival IQ 2023
  EXPECT_GE(cost_per(d, kPaidEngagementRate), 1.01);                 // cost per engagement $1.01-2.00
  EXPECT_LE(cost_per(d, kPaidEngagementRate), 2.00);
}

TEST(NetworkDefaults, SnapchatMatchesItsWeakSources) {
  const auto d = snapchat_defaults();
  EXPECT_GE(median(d, kCpm), 5.0);  // $5-10
  EXPECT_LE(median(d, kCpm), 10.0);
  EXPECT_NEAR(median(d, kCtr), 0.005, 0.001);  // swipe-up about 0.5%
}

TEST(NetworkDefaults, PinterestSaysEveryNetworkFigureIsAnAssumption) {
  const auto d = pinterest_defaults();
  for (const auto p : {kCpm, kCtr, kCvr, kOrganicReachRate, kOrganicEngagementRate}) {
    EXPECT_NE(d.params[p].help.find("assumption"), std::string::npos) << d.params[p].name;
  }
}

TEST(NetworkDefaults, EveryParameterSaysWhereItComesFrom) {
  for (const auto& d : {meta_defaults(), instagram_defaults(), tiktok_defaults(), linkedin_defaults(),
                        youtube_defaults(), x_defaults(), pinterest_defaults(), snapchat_defaults()}) {
    for (const auto& spec : d.params) {
      EXPECT_FALSE(spec.unit.empty()) << d.name << "." << spec.name;
      // A source in parentheses ("(Rival IQ, 2023)", "(weak sources)") or the word "assumption".
      const bool sourced =
          spec.help.find("assumption") != std::string::npos || spec.help.find('(') != std::string::npos;
      EXPECT_TRUE(sourced) << d.name << "." << spec.name << ": " << spec.help;
    }
  }
}

TEST(NetworkDefaults, NetworksDifferAsTheFieldReports) {
  const auto meta = meta_defaults(), instagram = instagram_defaults(), tiktok = tiktok_defaults(),
             linkedin = linkedin_defaults();
  // LinkedIn: the dearest impressions; TikTok among the cheapest.
  for (const auto& other : {meta, instagram, tiktok}) EXPECT_GT(median(linkedin, kCpm), median(other, kCpm));
  EXPECT_LT(median(tiktok, kCpm), median(meta, kCpm));
  // Facebook pages: the lowest organic reach per follower.
  for (const auto& other : {instagram, tiktok, linkedin}) {
    EXPECT_LT(median(meta, kOrganicReachRate), median(other, kOrganicReachRate));
  }
  // TikTok's new accounts: one post reaches more people than a Facebook page ten times its size.
  const auto per_post = [](const FeedDefaults& d, double followers) {
    return followers * median(d, kOrganicReachRate) + median(d, kDiscoveryImpressions);
  };
  EXPECT_GT(per_post(tiktok, 2'000), per_post(meta, 20'000));
  // LinkedIn converts clicks best among the feeds that are not Facebook's all-clicks.
  EXPECT_GT(median(linkedin, kCvr), median(tiktok, kCvr));
}

TEST(NetworkDefaults, PostFormatsEarnWhatEachNetworkRewards) {
  const auto tiktok = tiktok_defaults(), youtube = youtube_defaults(), x = x_defaults(),
             linkedin = linkedin_defaults(), instagram = instagram_defaults();
  // Video-first networks reward video over an image post, and a text update least.
  for (const auto& d : {tiktok, youtube, instagram}) {
    EXPECT_GT(median(d, kVideoPostWeight), 1.0) << d.name;
    EXPECT_LT(median(d, kSimplePostWeight), 1.0) << d.name;
  }
  // A text update is X's native post: worth more there than on TikTok or YouTube...
  EXPECT_GT(median(x, kSimplePostWeight), median(tiktok, kSimplePostWeight));
  EXPECT_GT(median(x, kSimplePostWeight), median(youtube, kSimplePostWeight));
  // ...and a video on TikTok is not a video on LinkedIn.
  EXPECT_GT(median(tiktok, kVideoPostWeight), median(linkedin, kVideoPostWeight));
}

}  // namespace
}  // namespace splitsim::plugins

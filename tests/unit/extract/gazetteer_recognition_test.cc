// The recognition rules of extract/gazetteer.h, one test case per rule, each with its own small
// invented gazetteer and sentences.

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "extract/gazetteer/gazetteer.h"

using namespace cnkg;

namespace {

using V = std::vector<std::string>;

constexpr const char* kHeader =
    "# "
    "name\taliases\tcase_sensitive\tflags\tmaturity\tcategory\tsubcategory\thomepage\trepo\tcues\n";

Gazetteer Make(const std::string& landscape_rows, const std::string& extra = "") {
  Result<Gazetteer> g = Gazetteer::FromTsv(kHeader + landscape_rows, extra);
  if (!g.ok()) FAIL(g.status().message());
  return std::move(g).value();
}

// "Name@matched text" for each mention, with "/Sub-project" when there is one.
V Find(const Gazetteer& g, std::string_view text, std::string_view context = {}) {
  V out;
  for (const ProjectMention& m : g.FindMentions(text, context)) {
    std::string s =
        g.entry(m.entry).name + "@" + std::string(text.substr(m.begin, m.end - m.begin));
    if (!m.subproject.empty()) s += "/" + m.subproject;
    out.push_back(s);
  }
  return out;
}

}  // namespace

TEST_CASE("Recognition: every name is found in one pass, positions only for the names found") {
  const Gazetteer g = Make(
      "Quokka\t\t\t\tgraduated\tA\tB\t\t\t\n"
      "Quokka Relay\tQRelay\t\t\t\tA\tB\t\t\t\n"
      "Numbat\tNBT\t\t\tsandbox\tA\tB\t\t\t\n");
  // Many lines, each name several times: the same mentions as line by line.
  std::string text;
  V expected;
  for (int i = 0; i < 200; ++i) {
    text += "Line " + std::to_string(i) + " runs Quokka Relay beside Numbat and Quokka.\n";
    expected.insert(expected.end(),
                    {"Quokka Relay@Quokka Relay", "Numbat@Numbat", "Quokka@Quokka"});
  }
  CHECK(Find(g, text) == expected);
  const std::vector<ProjectMention> ms = g.FindMentions(text);
  REQUIRE(ms.size() == 600);
  CHECK(text.substr(ms[599].begin, ms[599].end - ms[599].begin) == "Quokka");
  CHECK(ms[599].end == text.size() - 2);
  // A text with none of the names, and names at both ends of the text.
  CHECK(Find(g, "nothing to see here").empty());
  CHECK(Find(g, "Quokka") == V{"Quokka@Quokka"});
  CHECK(Find(g, "NBT and QRelay") == V{"Numbat@NBT", "Quokka Relay@QRelay"});
  // A name never spans two lines.
  CHECK(Find(g, "we run Quokka\nRelay stations") == V{"Quokka@Quokka"});
  // A very long line is read in overlapping windows: a name across a window's end is found
  // whole, once, wherever it falls.
  for (std::size_t pad = 990; pad < 1040; pad += 3) {
    const std::string line = std::string(pad, 'x') + " Quokka Relay " + std::string(20000, 'y') +
                             " Numbat " + std::string(3000, 'z');
    INFO("pad " << pad);
    CHECK(Find(g, line) == V{"Quokka Relay@Quokka Relay", "Numbat@Numbat"});
  }
}

TEST_CASE("Recognition: the longest and most specific name wins") {
  const Gazetteer g = Make(
      "Quokka\t\t\t\tgraduated\tA\tB\t\t\t\n"
      "Quokka Relay\t\t\t\t\tA\tB\t\t\t\n"
      "Quokka Relay Gateway\tQRG\t\t\t\tA\tB\t\t\t\n");
  CHECK(
      Find(g, "Quokka Relay Gateway fronts Quokka Relay, which runs on Quokka.") ==
      V{"Quokka Relay Gateway@Quokka Relay Gateway", "Quokka Relay@Quokka Relay", "Quokka@Quokka"});
  CHECK(Find(g, "Quokka-Relay and quokka relay gateway") ==
        V{"Quokka Relay@Quokka-Relay", "Quokka Relay Gateway@quokka relay gateway"});
}

TEST_CASE("Recognition: possessives and plurals stay outside the mention") {
  const Gazetteer g = Make(
      "Numbat\t\t\t\tgraduated\tA\tB\t\t\t\n"
      "Wombat Charts\t\t\t\t\tA\tB\t\t\t\n"
      "Bilby\t\t\t\t\tA\tB\t\t\t\n");
  CHECK(Find(g, "Numbat's scheduler, the Numbats' queue, Bilby\xE2\x80\x99s API") ==
        V{"Numbat@Numbat", "Bilby@Bilby"});
  CHECK(Find(g, "Bilby charts and Bilby plugins") == V{"Bilby@Bilby", "Bilby@Bilby"});
  // A name that is itself plural is matched whole.
  CHECK(Find(g, "We publish Wombat Charts.") == V{"Wombat Charts@Wombat Charts"});
}

TEST_CASE("Recognition: a repository URL names the project with that repository") {
  const Gazetteer g = Make(
      "Numbat\t\t\t\tgraduated\tA\tB\thttps://numbat.example\thttps://github.com/numbat-org/"
      "numbat\t\n"
      "Bilby\t\t\t\t\tA\tB\t\thttps://gitlab.com/Marsupials/bilby.git\t\n"
      "Quokka\t\t\t\t\tA\tB\t\t\t\n");
  CHECK(Find(g, "Source: https://github.com/numbat-org/numbat/tree/main/docs") ==
        V{"Numbat@github.com/numbat-org/numbat"});
  CHECK(Find(g, "Clone github.com/Numbat-Org/Numbat.git, then read the docs.") ==
        V{"Numbat@github.com/Numbat-Org/Numbat"});
  CHECK(Find(g, "Mirrors live at www.gitlab.com/marsupials/bilby.") ==
        V{"Bilby@gitlab.com/marsupials/bilby"});
  // Another repository, an organisation page, or another host: nothing, and the names inside
  // those URLs are not mentions either.
  CHECK(Find(g, "See github.com/someone/quokka and https://github.com/numbat-org today").empty());
  CHECK(Find(g, "API at api.github.com/repos/numbat-org/numbat").empty());
  CHECK(Find(g, "A fork: https://example.org/numbat-org/numbat").empty());
  // Prose around a URL is read as usual.
  CHECK(Find(g, "Quokka reads github.com/numbat-org/numbat") ==
        V{"Quokka@Quokka", "Numbat@github.com/numbat-org/numbat"});
}

TEST_CASE("Recognition: everyday-word names need a capital and a name-like place or a cue") {
  const Gazetteer g = Make(
      "Tally\t\tTally\t\tsandbox\tApp Definition\tSpecs\t\t\tworkload spec|tally-compose\n"
      "Geyser\t\tGeyser\t\tincubating\tOrchestration\tScheduling\t\t\tbatch|gang scheduling\n"
      "Drift\tDrift CD\tDrift\t\tgraduated\tApp Definition\tCD\t\t\tgitops|reconcil\n"
      "Burrow Gateway\t\tBurrow Gateway\t\t\tNetwork\tGateway\t\t\t\n"
      "Numbat\t\t\t\tgraduated\tA\tB\t\t\t\n");
  // Lower case is the ordinary word; a capital at a sentence start before a function word too.
  CHECK(Find(g, "we tally the results and drift apart").empty());
  CHECK(Find(g, "Tally up the costs. Drift is what happens.") == V{"Drift@Drift"});
  // In prose, a capitalised everyday word is a name, also next to a project noun.
  CHECK(Find(g, "We describe workloads with the Tally spec.") == V{"Tally@Tally"});
  CHECK(Find(g, "Batch jobs run with Geyser on the cluster.") == V{"Geyser@Geyser"});
  CHECK(Find(g, "The Old Geyser Inn is closed.").empty());
  CHECK(Find(g, "Our Tally Spec files live in the repo.") == V{"Tally@Tally"});
  // An alias that carries its own cue.
  CHECK(Find(g, "Deploying with Drift CD") == V{"Drift@Drift CD"});
  // In a Title Cased line the word needs a mark: a version, a project noun, "With X", a
  // neighbour it is listed with, or one of the project's cues in the text or its context.
  CHECK(Find(g, "Geyser Deep Dive") == V{"Geyser@Geyser"});
  CHECK(Find(g, "Writing Portable Workloads With Tally") == V{"Tally@Tally"});
  CHECK(Find(g, "Adopting the Tally Spec Across Teams") == V{"Tally@Tally"});
  CHECK(Find(g, "Gang Scheduling for Training Jobs in Geyser") == V{"Geyser@Geyser"});
  CHECK(Find(g, "GitOps at Home: Drift in Production") == V{"Drift@Drift"});
  CHECK(Find(g, "Fighting Drift in Production Clusters").empty());
  CHECK(Find(g, "Fighting Drift in Production Clusters", "How we reconcile state with GitOps") ==
        V{"Drift@Drift"});
  CHECK(Find(g, "Numbat, Geyser and Friends") == V{"Numbat@Numbat", "Geyser@Geyser"});
  // At a sentence start, before "and", the word is a name when listed with a project.
  CHECK(Find(g, "Geyser and Numbat jobs ran side by side.") == V{"Geyser@Geyser", "Numbat@Numbat"});
  CHECK(Find(g, "Drift and decay are what happens.").empty());
  // A name of several everyday words after "a" or "an" is a thing of that kind, unless it
  // qualifies a noun.
  CHECK(Find(g, "Requests pass through a Burrow Gateway.").empty());
  CHECK(Find(g, "Requests pass through a Burrow Gateway/proxy first.").empty());
  CHECK(Find(g, "Requests pass through the Burrow Gateway first.") ==
        V{"Burrow Gateway@Burrow Gateway"});
  CHECK(Find(g, "Write a Burrow Gateway route for it.") == V{"Burrow Gateway@Burrow Gateway"});
}

TEST_CASE("Recognition: a shared name goes to the project its context cues point at") {
  const Gazetteer g = Make(
      "Firefly\t\tFirefly\t\tgraduated\tProvisioning\tRegistry\t\thttps://github.com/fireflyoss/"
      "firefly\tp2p|image|harbor|preheat|distribution\n"
      "FireflyDB\tFirefly DB|Firefly\tFirefly\t\t\tApp Definition\tDatabase\t\thttps://"
      "github.com/fireflydb/firefly\tredis|cache|drop-in|memcached|in-memory\n"
      "Harbor\t\tHarbor\t\tgraduated\tProvisioning\tRegistry\t\t\t\n"
      "Redis\t\t\t\t\tApp Definition\tDatabase\t\t\t\n");
  // The image-distribution project next to P2P, images, Harbor, preheating.
  CHECK(Find(g, "Firefly spreads container images over P2P links.") == V{"Firefly@Firefly"});
  CHECK(Find(g, "Harbor now preheats artifacts through Firefly.") ==
        V{"Harbor@Harbor", "Firefly@Firefly"});
  // The store next to Redis, caches, "drop-in".
  CHECK(Find(g, "Firefly is a drop-in replacement for Redis.") ==
        V{"FireflyDB@Firefly", "Redis@Redis"});
  CHECK(Find(g, "Our session cache moved to Firefly last year.") == V{"FireflyDB@Firefly"});
  // More cues win; its own name is unambiguous; no cue at all falls back to the CNCF project.
  CHECK(Find(g, "Firefly preheats images for Harbor, next to a Redis cache") ==
        V{"Firefly@Firefly", "Harbor@Harbor", "Redis@Redis"});
  CHECK(Find(g, "FireflyDB and Firefly DB") == V{"FireflyDB@FireflyDB", "FireflyDB@Firefly DB"});
  CHECK(Find(g, "Firefly 2.0 is out.") == V{"Firefly@Firefly"});
  // Cues in the context (a title's description) count too.
  CHECK(Find(g, "Replacing Our Store With Firefly", "A drop-in cache for in-memory data") ==
        V{"FireflyDB@Firefly"});
  // Find() gives the fallback; a repository URL is never ambiguous.
  CHECK(g.entry(g.Find("firefly")).name == "Firefly");
  CHECK(Find(g, "see github.com/fireflydb/firefly") == V{"FireflyDB@github.com/fireflydb/firefly"});
}

TEST_CASE("Recognition: a company-named product is a mention only where used as a product") {
  const Gazetteer g = Make(
      "Acmetrics\t\t\tcompany\t\tObservability\tObservability\thttps://acmetrics.example\t\t\n"
      "Numbat\t\t\t\tgraduated\tObservability\tMonitoring\t\t\t\n");
  // As a product.
  CHECK(Find(g, "We picked Acmetrics as the metric provider.") == V{"Acmetrics@Acmetrics"});
  CHECK(Find(g, "Alerts are routed with Acmetrics.") == V{"Acmetrics@Acmetrics"});
  CHECK(Find(g, "The team built Acmetrics dashboards for it.") == V{"Acmetrics@Acmetrics"});
  CHECK(Find(g, "Install the Acmetrics agent on each node.") == V{"Acmetrics@Acmetrics"});
  CHECK(Find(g, "Traces end up in Acmetrics.") == V{"Acmetrics@Acmetrics"});
  CHECK(Find(g, "Providers (Numbat, Acmetrics, etc.) plug in.") ==
        V{"Numbat@Numbat", "Acmetrics@Acmetrics"});
  CHECK(Find(g, "Deploy the Acmetrics Operator") ==
        V{"Acmetrics@Acmetrics Operator/Acmetrics Operator"});
  // As the company.
  CHECK(Find(g, "She is an engineer at Acmetrics.").empty());
  CHECK(Find(g, "Acmetrics's CEO opened the day.").empty());
  CHECK(Find(g, "Two speakers from Acmetrics present.").empty());
  CHECK(Find(g, "Acmetrics engineers wrote Numbat.") == V{"Numbat@Numbat"});
  CHECK(Find(g, "Used by teams across Acmetrics, Numbat finds paths.") == V{"Numbat@Numbat"});
  CHECK(Find(g, "Acmetrics sponsored the event.").empty());
  CHECK(Find(g, "Built together with Acmetrics and in collaboration with Acmetrics.").empty());
}

TEST_CASE("Recognition: a user's file adds names and aliases on top of a gazetteer") {
  const Gazetteer base = Make(
      "Numbat\tNBT\t\t\tgraduated\tA\tB\t\t\t\n"
      "Quokka\t\t\t\t\tA\tB\t\t\t\n");
  Result<Gazetteer> user = Gazetteer::WithUserFile(base,
                                                   "# my names\n"
                                                   "Numbat\tNumbat Engine|numbat-engine\n"
                                                   "NBT\tOur Numbat\n"
                                                   "Bilby Tracker\tBilby\tBilby\n"
                                                   "Quokka\t\t\tskip\n",
                                                   "my_names.tsv");
  REQUIRE(user.ok());
  CHECK(Find(*user, "Numbat Engine, numbat-engine and Our Numbat") ==
        V{"Numbat@Numbat Engine", "Numbat@numbat-engine", "Numbat@Our Numbat"});
  CHECK(Find(*user, "Issues go to Bilby while Quokka watches.") == V{"Bilby Tracker@Bilby"});
  CHECK(user->size() == base.size() + 1);
  // The base is unchanged.
  CHECK(Find(base, "Numbat Engine and Bilby while Quokka watches") ==
        V{"Numbat@Numbat", "Quokka@Quokka"});
  // Errors name the user's file and line.
  Result<Gazetteer> bad = Gazetteer::WithUserFile(base, "Numbat\n\n\tnameless\n", "my_names.tsv");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().code() == StatusCode::kParseError);
  CHECK(bad.status().message() == "my_names.tsv:3: empty project name");
  bad = Gazetteer::WithUserFile(base, "Numbat\t\t\tgilded\n", "names.tsv");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message() ==
        "names.tsv:1: unknown flag 'gilded' (known: platform, skip, "
        "company)");
  bad = Gazetteer::WithUserFile(base, "Numbat\t\t\t\t\t\t\t\t\tImage\n", "names.tsv");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().rfind("names.tsv:1: cue 'Image' is not lower-case words", 0) == 0);
}

#include "extract/gazetteer/gazetteer.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "common/embedded.h"
#include "extract/gazetteer/gazetteer_context.h"

using namespace cnkg;

namespace {

// A small invented gazetteer in the format of data/gazetteer/*.tsv. Columns: name, aliases,
// case_sensitive, flags, maturity, category, subcategory, homepage, repo, cues.
constexpr const char* kLandscape =
    "# "
    "name\taliases\tcase_sensitive\tflags\tmaturity\tcategory\tsubcategory\thomepage\trepo\tcues\n"
    "Kubernetes\tK8s\t\tplatform\tgraduated\tOrchestration\tScheduling\thttps://k8s.example\t\t\n"
    "Helm\t\tHelm\t\tgraduated\tApp Definition\tImage Build\t\thttps://github.com/x/helm\t\n"
    "Argo\t\t\t\tgraduated\tApp Definition\tCI/CD\t\t\t\n"
    "Envoy\tEnvoy Proxy\tEnvoy\t\tgraduated\tOrchestration\tService Proxy\t\t\t\n"
    "Envoy-ai-gateway\t\t\t\t\tAI\tGateway\t\t\t\n"
    "Flux\tFluxCD|Flux CD\tFlux\t\tgraduated\tApp Definition\tCI/CD\t\t\t\n"
    "etcd\t\t\t\tgraduated\tOrchestration\tCoordination\t\t\t\n"
    "Open Policy Agent\tOPA\tOpen Policy Agent\t\tgraduated\tProvisioning\tSecurity\t\t\t\n"
    "Keep\t\tKeep\t\t\tObservability\tObservability\t\t\t\n"
    "Scale\t\tScale\t\t\tWasm\tRuntimes\t\t\t\n"
    "Depot\t\tDepot\t\t\tApp Definition\tImage Build\t\t\t\n"
    "kind\t\tkind\t\t\tPlatform\tInstaller\t\t\t\n"
    "Apache Spark\tSpark\tSpark\t\t\tApp Definition\tStreaming\t\t\t\n";

constexpr const char* kExtra =
    "# name\taliases\tcase_sensitive\tflags\n"
    "Argo Rollouts\n"
    "Argo CD\tArgoCD\n"
    "Envoy AI Gateway\tEnvoy-ai-gateway\tEnvoy AI Gateway\n"
    "kind\tKinD\n"
    "kubectl\n"
    "vLLM\n"
    "PyTorch\n"
    "Ray\t\tRay\n"
    "Linux\n"
    "Linux Foundation\t\t\tskip\n"
    "Foo\n";

const Gazetteer& Fixture() {
  static const Gazetteer g = [] {
    Result<Gazetteer> r = Gazetteer::FromTsv(kLandscape, kExtra);
    REQUIRE(r.ok());
    return std::move(r).value();
  }();
  return g;
}

// "Name@matched text" for each mention, with "/Sub-project" when there is one.
std::vector<std::string> Find(std::string_view text, const Gazetteer& g = Fixture(),
                              std::string_view context = {}) {
  std::vector<std::string> out;
  for (const ProjectMention& m : g.FindMentions(text, context)) {
    std::string s =
        g.entry(m.entry).name + "@" + std::string(text.substr(m.begin, m.end - m.begin));
    if (!m.subproject.empty()) s += "/" + m.subproject;
    out.push_back(s);
  }
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("Gazetteer matches whole words only") {
  CHECK(Find("Wear a Helmet on site.").empty());
  CHECK(Find("We package it as a chart for Helm.") == V{"Helm@Helm"});
  CHECK(Find("Our etcd3 backup and etcd restore") == V{"etcd@etcd"});
  CHECK(Find("Running on sub-Kubernetes-like systems") == V{"Kubernetes@Kubernetes"});
}

TEST_CASE("Gazetteer ignores case except for everyday words and abbreviations") {
  CHECK(Find("What Is New in Kubectl and VLLM") == V{"kubectl@Kubectl", "vLLM@VLLM"});
  CHECK(Find("deploying with KUBERNETES and k8s") == V{"Kubernetes@KUBERNETES", "Kubernetes@k8s"});
  // An everyday word matches only as written, and not as the ordinary word.
  CHECK(Find("we keep it simple and scale out").empty());
  CHECK(Find("Alerts are routed into Keep for triage.") == V{"Keep@Keep"});
  CHECK(Find("Operators use an opa binary") == V{});
  CHECK(Find("Policies are written for OPA today.") == V{"Open Policy Agent@OPA"});
  // An everyday word written in lower case cannot be told from the word itself.
  CHECK(Find("a kind of magic, tested on KinD") == V{"kind@KinD"});
}

TEST_CASE("Gazetteer skips everyday words where they are likely ordinary words") {
  // Sentence-initial imperative.
  CHECK(Find("Keep your pods healthy. Scale up when needed.").empty());
  // Sentence-initial subject is still a name.
  CHECK(Find("Keep is an alert hub. Helm renders charts.") == V{"Keep@Keep", "Helm@Helm"});
  // The end of a longer proper name.
  CHECK(Find("Images were shipped by the Acme Depot team.").empty());
  CHECK(Find("Images were built with Depot and pushed.") == V{"Depot@Depot"});
  // A capitalised word after another project's possessive is a feature of that project.
  CHECK(Find("We tried Kubernetes' Scale subresource.") == V{"Kubernetes@Kubernetes"});
  // In a Title Cased line a capital says nothing: the word needs something marking it as a name.
  CHECK(Find("Cloud Scale Enterprise AI With Kubernetes") == V{"Kubernetes@Kubernetes"});
  CHECK(Find("An Open Compute Stack: Kubernetes + Ray + PyTorch") ==
        V{"Kubernetes@Kubernetes", "Ray@Ray", "PyTorch@PyTorch"});
  CHECK(Find("Batch Pipelines With Spark, Ray and Kubernetes") ==
        V{"Apache Spark@Spark", "Ray@Ray", "Kubernetes@Kubernetes"});
  CHECK(Find("Observability at Scale With Kubernetes") == V{"Kubernetes@Kubernetes"});
  CHECK(Find("Helm: Intro, Deep Dive and Q&A") == V{"Helm@Helm"});
  CHECK(Find("What Is New in Helm 4 for Chart Authors") == V{"Helm@Helm"});
  CHECK(Find("Keep Calm and Carry On Testing").empty());
  CHECK(Find("Helm Maintainers Update and Roadmap") == V{"Helm@Helm"});
  CHECK(Find("Progressive Delivery Using Depot") == V{"Depot@Depot"});
  CHECK(Find("Faster Builds With Depot: Lessons From Production") == V{"Depot@Depot"});
  CHECK(Find("Faster Builds With Depot Caches Everywhere").empty());
  CHECK(Find("Platform Engineering at Scale").empty());
}

TEST_CASE("Gazetteer skips names in URLs and company names") {
  CHECK(Find("Docs at https://example.org/helm/etcd and etcd.example.io today").empty());
  CHECK(Find("pull from www.example.org/kubernetes-images first").empty());
  CHECK(Find("Etcd Labs and Kubernetes Inc. are invented; etcd is not") == V{"etcd@etcd"});
}

TEST_CASE("Gazetteer prefers the longest name") {
  CHECK(Find("Progressive delivery with Argo Rollouts and Argo.") ==
        V{"Argo Rollouts@Argo Rollouts", "Argo@Argo"});
  CHECK(Find("Route tokens through Envoy AI Gateway, not plain Envoy") ==
        V{"Envoy AI Gateway@Envoy AI Gateway", "Envoy@Envoy"});
  CHECK(Find("Apache Spark jobs and Spark streaming") ==
        V{"Apache Spark@Apache Spark", "Apache Spark@Spark"});
  // A name that only contains a project name blocks it without being a mention.
  CHECK(Find("Sponsored by the Linux Foundation, running on Linux hosts") == V{"Linux@Linux"});
}

TEST_CASE("Gazetteer reads a sub-project suffix") {
  CHECK(Find("GitOps with the Flux MCP Server") == V{"Flux@Flux MCP Server/Flux MCP Server"});
  CHECK(Find("the new etcd-operator release") == V{"etcd@etcd-operator/etcd-operator"});
  CHECK(Find("Upgrading the Foo Operator and the Foo CLI") ==
        V{"Foo@Foo Operator/Foo Operator", "Foo@Foo CLI/Foo CLI"});
  CHECK(Find("OPA SDK users") == V{"Open Policy Agent@OPA SDK/Open Policy Agent SDK"});
  // A platform takes no suffix: a Kubernetes Operator is an operator for Kubernetes.
  CHECK(Find("Building a Kubernetes Operator in Go") == V{"Kubernetes@Kubernetes"});
  // A suffix in lower case after a space, or in the plural, is a common noun.
  CHECK(Find("after upgrading the Flux controllers, our Foo Plugins broke") ==
        V{"Flux@Flux", "Foo@Foo"});
  CHECK(Find("a Foo Operator-based design") == V{"Foo@Foo"});
  // After an indefinite article or a possessive it is a common noun phrase.
  CHECK(Find("Build Your Own Foo Plugin in an Hour") == V{"Foo@Foo"});
  CHECK(Find("We wrote a Foo Controller for it.") == V{"Foo@Foo"});
}

TEST_CASE("Gazetteer matches aliases, spacing and hyphen variants") {
  CHECK(Find("Migrating from FluxCD to ArgoCD") == V{"Flux@FluxCD", "Argo CD@ArgoCD"});
  CHECK(Find("Flux  CD and Argo-CD") == V{"Flux@Flux  CD", "Argo CD@Argo-CD"});
  CHECK(Find("fronted by Envoy Proxy") == V{"Envoy@Envoy Proxy"});
}

TEST_CASE("Gazetteer leaves possessives and plural nouns out of a mention") {
  CHECK(Find("Kubernetes' scheduler and Helm's hooks") == V{"Kubernetes@Kubernetes", "Helm@Helm"});
  CHECK(Find("We rely on Kubernetes\xE2\x80\x99s API and on Helm charts.") ==
        V{"Kubernetes@Kubernetes", "Helm@Helm"});
}

TEST_CASE("Gazetteer mentions are in text order with byte offsets") {
  const std::string text = "Title With Kubernetes\nThen etcd, then OPA.";
  const std::vector<ProjectMention> ms = Fixture().FindMentions(text);
  REQUIRE(ms.size() == 3);
  CHECK(text.substr(ms[0].begin, ms[0].end - ms[0].begin) == "Kubernetes");
  CHECK(text.substr(ms[1].begin, ms[1].end - ms[1].begin) == "etcd");
  CHECK(ms[1].begin == text.find("etcd"));
  CHECK(text.substr(ms[2].begin, ms[2].end - ms[2].begin) == "OPA");
  CHECK(Fixture().FindMentions("").empty());
  CHECK(Gazetteer().FindMentions("Kubernetes").empty());
}

TEST_CASE("Gazetteer merges extra rows into landscape entries") {
  const Gazetteer& g = Fixture();
  const std::size_t i = g.Find("envoy-ai-gateway");
  REQUIRE(i < g.size());
  const ProjectEntry& e = g.entry(i);
  CHECK(e.name == "Envoy AI Gateway");  // the hand-written name is the display name
  CHECK(e.aliases == V{"Envoy-ai-gateway"});
  CHECK(e.category == "AI");
  CHECK_FALSE(e.cncf);
  const ProjectEntry& k = g.entry(g.Find("K8S"));
  CHECK(k.name == "Kubernetes");
  CHECK(k.cncf);
  CHECK(k.maturity == "graduated");
  CHECK(k.homepage == "https://k8s.example");
  const ProjectEntry& kind = g.entry(g.Find("kind"));
  CHECK(kind.aliases == V{"KinD"});
  CHECK(g.entry(g.Find("Argo CD")).maturity.empty());
  CHECK(g.Find("Linux Foundation") == g.size());  // skipped names are not projects
  CHECK(g.Find("nothing like it") == g.size());
}

TEST_CASE("Gazetteer TSV errors name the file and line") {
  auto error = [](const char* landscape, const char* extra) {
    Result<Gazetteer> r = Gazetteer::FromTsv(landscape, extra);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == StatusCode::kParseError);
    return r.status().message();
  };
  CHECK(error("# header\nKubernetes\tK8s\n", "") ==
        "landscape_projects.tsv:2: expected 10 tab-separated columns, found 2");
  CHECK(error("", "Foo\n\tBar\n") == "extra_projects.tsv:2: empty project name");
  CHECK(error("", "# c\nFoo\t\t\tgolden\n") ==
        "extra_projects.tsv:2: unknown flag 'golden' (known: platform, skip, company)");
  CHECK(error("", "Foo\tFu\tBar\n") ==
        "extra_projects.tsv:1: case-sensitive spelling 'Bar' is not the name or an alias");
  CHECK(error("", "Foo\nBar\nfoo\n") == "extra_projects.tsv:3: project 'foo' is listed twice");
  CHECK(error("", "Foo\t\t\t\tretired\n") == "extra_projects.tsv:1: unknown maturity 'retired'");
  CHECK(error("", "Foo\ta\tb\tc\td\te\tf\tg\th\ti\tj\n") ==
        "extra_projects.tsv:1: expected at most 10 tab-separated columns, found 11");
  CHECK(error("", "Foo|Bar\n") == "extra_projects.tsv:1: project name 'Foo|Bar' contains '|'");
  CHECK(Gazetteer::FromTsv("", "").ok());
}

TEST_CASE("Gazetteer rows round-trip through FormatGazetteerRow") {
  GazetteerRow row;
  row.name = "Flux";
  row.aliases = {"FluxCD", "Flux CD"};
  row.case_sensitive = {"Flux"};
  row.platform = true;
  row.maturity = "graduated";
  row.category = "App Definition";
  const std::string line = FormatGazetteerRow(row);
  CHECK(line == "Flux\tFluxCD|Flux CD\tFlux\tplatform\tgraduated\tApp Definition\t\t\t\t");
  Result<std::vector<GazetteerRow>> rows = ParseGazetteerTsv(line + "\n", "x.tsv", true);
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 1);
  const GazetteerRow& back = rows->front();
  CHECK(back.line == 1);
  CHECK(back.aliases == row.aliases);
  CHECK(back.case_sensitive == row.case_sensitive);
  CHECK(back.platform);
  CHECK_FALSE(back.skip);
  CHECK(back.maturity == "graduated");
}

TEST_CASE("Built-in gazetteer is the embedded data") {
  Result<Gazetteer> parsed = Gazetteer::FromTsv(EmbeddedFile("landscape_projects.tsv"),
                                                EmbeddedFile("extra_projects.tsv"));
  REQUIRE(parsed.ok());
  const Gazetteer& g = Gazetteer::Builtin();
  CHECK(&g == &Gazetteer::Builtin());
  CHECK(g.size() == parsed->size());
  CHECK(g.size() > 1000);
  auto name_of = [&g](std::string_view s) {
    const std::size_t i = g.Find(s);
    return i < g.size() ? g.entry(i).name : std::string("<none>");
  };
  CHECK(name_of("K8s") == "Kubernetes");
  CHECK(g.entry(g.Find("Kubernetes")).maturity == "graduated");
  CHECK(name_of("OPA") == "Open Policy Agent");
  CHECK(name_of("CertManager") == "cert-manager");
  CHECK(name_of("OTel") == "OpenTelemetry");
  CHECK(name_of("ArgoCD") == "Argo CD");
  CHECK(name_of("Kustomize") == "Kustomize");
  CHECK(name_of("Postgres") == "PostgreSQL");
  // Organisations and specifications are not projects.
  CHECK(name_of("Cloud Native Computing Foundation") == "<none>");
  CHECK(name_of("Container Storage Interface") == "<none>");
  CHECK(Find("A Helm chart for Kubernetes, fronted by Envoy AI Gateway", g) ==
        V{"Helm@Helm", "Kubernetes@Kubernetes", "Envoy AI Gateway@Envoy AI Gateway"});
}

TEST_CASE("Built-in gazetteer tells shared and company names by their context") {
  const Gazetteer& g = Gazetteer::Builtin();
  // Dragonfly, the CNCF image-distribution project, and DragonflyDB, a Redis-compatible store.
  CHECK(Find("Nodes fetch container images from Dragonfly peers over P2P.", g) ==
        V{"Dragonfly@Dragonfly"});
  CHECK(Find("We swapped our Redis cluster for Dragonfly and kept the clients.", g) ==
        V{"Redis@Redis", "DragonflyDB@Dragonfly"});
  CHECK(Find("Moving the Session Store to Dragonfly", g, "An in-memory cache for sessions") ==
        V{"DragonflyDB@Dragonfly"});
  CHECK(Find("Dragonfly v9 Maintainers Update", g) == V{"Dragonfly@Dragonfly"});
  CHECK(Find("the code is on github.com/dragonflydb/dragonfly", g) ==
        V{"DragonflyDB@github.com/dragonflydb/dragonfly"});
  // A company-named product only where it is used as one.
  CHECK(Find("Metrics flow into Datadog dashboards.", g) == V{"Datadog@Datadog"});
  CHECK(Find("She leads a platform team at Datadog.", g).empty());
}

TEST_CASE("A name two projects share is an alias of neither in the graph") {
  const char* extra =
      "# name\taliases\n"
      "Stream Engine\tStreamy|Engine One\n"
      "Stream Bus\tStreamy|Bus One\n";
  Result<Gazetteer> r = Gazetteer::FromTsv("", extra);
  REQUIRE(r.ok());
  const Gazetteer& g = r.value();
  REQUIRE(g.size() == 2);
  // Both still match "Streamy"; only the names of their own become node aliases.
  CHECK(g.entry(0).aliases == V{"Streamy", "Engine One"});
  CHECK(g.entry(0).own_aliases == V{"Engine One"});
  CHECK(g.entry(1).own_aliases == V{"Bus One"});
  CHECK(Find("We run streamy in production.", g).size() == 1);
  // In the built-in data: JetStream is NATS's and also an inference engine's name.
  const Gazetteer& b = Gazetteer::Builtin();
  CHECK(Find("JetStream consumers read durable subjects from the stream.", b) ==
        V{"NATS@JetStream"});
  CHECK(Find("Serving Llama on TPUs with JetStream and MaxText.", b) ==
        V{"JetStream@JetStream", "MaxText@MaxText"});
  // A link to a project's repository around a shared name decides it, cues or none.
  CHECK(Find("We will soon support JetStream as well.", b) == V{"NATS@JetStream"});
  CHECK(Find("We will soon support JetStream as well.", b,
             "https://github.com/AI-Hypercomputer/JetStream\n") == V{"JetStream@JetStream"});
  CHECK(Find("Swap Redis for Dragonfly.", b, "https://github.com/dragonflyoss/dragonfly") ==
        V{"Redis@Redis", "Dragonfly@Dragonfly"});
  for (std::size_t i = 0; i < b.size(); ++i) {
    for (const std::string& a : b.entry(i).own_aliases) CHECK(a != "JetStream");
  }
}

TEST_CASE("An everyday-word name in lower case needs a cue right after it or a link") {
  const Gazetteer& b = Gazetteer::Builtin();
  CHECK(Find("It only works with cilium cni for now.", b) == V{"Cilium@cilium"});
  CHECK(Find("Each cilium beats in turn.", b).empty());
  CHECK(Find("We pushed the images to harbor registries.", b) == V{"Harbor@harbor"});
  CHECK(Find("Boats waited in the harbor overnight.", b).empty());
  CHECK(Find("What kind of cluster is this?", b).empty());
  // The link whose text the name is goes to the project's site.
  CHECK(Find("cilium service mesh", b, "https://cilium.io/use-cases/service-mesh/\n") ==
        V{"Cilium@cilium"});
  CHECK(Find("cilium service mesh", b, "https://example.org/cilium\n").empty());
}

TEST_CASE("UrlHost and StartsWithCue") {
  using namespace cnkg::gazetteer_internal;
  CHECK(UrlHost("https://www.Cilium.io/use-cases/") == "cilium.io");
  CHECK(UrlHost("cilium.io") == "cilium.io");
  CHECK(UrlHost("not a url").empty());
  CHECK(StartsWithCue(" cni plugin", {"cni"}));
  CHECK(StartsWithCue(" Network-Policies here", {"network policy"}));
  CHECK_FALSE(StartsWithCue(" cnis", {"cni x"}));
  CHECK_FALSE(StartsWithCue(" cnidaria", {"cni"}));
  CHECK_FALSE(StartsWithCue("cni", {"cni"}));  // no space: part of the same word
  CHECK(EndsWithCue("Sigstore's ", {"sigstore"}));
  CHECK(EndsWithCue("the eBPF-based ", {"based"}));
  CHECK(EndsWithCue("our Network Policy ", {"network policy"}));
  CHECK_FALSE(EndsWithCue("pseudosigstore ", {"sigstore"}));
  CHECK_FALSE(EndsWithCue("sigstore", {"sigstore"}));  // no space: part of the same word
}

TEST_CASE("A lower-case everyday-word name right after one of its cues") {
  const Gazetteer& b = Gazetteer::Builtin();
  CHECK(Find("We sign with Sigstore's cosign in CI.", b) ==
        V{"Sigstore@Sigstore", "Cosign@cosign"});
  CHECK(Find("She had to cosign the lease.", b).empty());
}

TEST_CASE("Chinese and Japanese prose: capitals mark names, CJK punctuation ends sentences") {
  using namespace cnkg::gazetteer_internal;
  CHECK(IsTitleCase("Scaling Batch Jobs With Volcano"));
  CHECK_FALSE(IsTitleCase("我们聊了 Cilium 和 Istio 的选型"));
  const std::string ended = "会议结束了。Keep", running = "我们用 Keep";
  CHECK(IsSentenceStart(ended, ended.find("Keep")));
  CHECK_FALSE(IsSentenceStart(running, running.find("Keep")));
  CHECK(IsJoiner(" 和 "));
  CHECK(IsJoiner("、"));
  CHECK(IsJoiner(" と "));
  const Gazetteer& b = Gazetteer::Builtin();
  CHECK(Find("晚上聊了不少 Cilium 和 Istio 的选型问题。", b) == V{"Cilium@Cilium", "Istio@Istio"});
}

TEST_CASE("A line that continues a sentence does not start one") {
  const Gazetteer& g = Gazetteer::Builtin();
  auto names = [&](std::string_view text, bool continues) {
    V out;
    for (const ProjectMention& m : g.FindMentions(text, {}, continues))
      out.push_back(g.entry(m.entry).name);
    return out;
  };
  // "... a lab running k3s, with\nLonghorn for storage": the wrapped line goes on with a sentence.
  CHECK(names("Keep for alert correlation.", true) == V{"Keep"});
  CHECK(names("Keep your pods healthy.", false).empty());
  // Only the first word of the text is concerned: a new sentence in it still starts one.
  CHECK(names("for alerts. Keep your pods healthy.", true).empty());
}

// Software a text defines (extract/grammar/project_definitions.h), on invented sentences.

#include "extract/grammar/project_definitions.h"

#include <catch2/catch.hpp>

using namespace cnkg;
using V = std::vector<std::string>;

TEST_CASE("A text that says what a name is defines a project") {
  CHECK(FindDefinedProjects("We wrote a small load-testing tool called ripplegen for this.") ==
        V{"ripplegen"});
  CHECK(FindDefinedProjects("Everything runs on tokio-actors, a Rust crate for actors.") ==
        V{"tokio-actors"});
  CHECK(FindDefinedProjects("Quillcast is built on top of Envoy and a tiny control plane.") ==
        V{"Quillcast"});
  CHECK(FindDefinedProjects("MERIDIAN: A Latency-Aware Multi-Cluster Job Scheduler") ==
        V{"MERIDIAN"});
  CHECK(FindDefinedProjects("a new exporter named zfs-stats-exporter, then a plugin called "
                            "[kubectl-trace](https://example.com)") ==
        V{"zfs-stats-exporter", "kubectl-trace"});
}

TEST_CASE("Words, people and pronouns are not defined projects") {
  CHECK(FindDefinedProjects("It is a tool for everyone.").empty());
  CHECK(FindDefinedProjects("Scheduling: A Gentle Introduction to the Scheduler").empty());
  CHECK(FindDefinedProjects("Ana Silva, a maintainer of the operator, spoke first.").empty());
  CHECK(FindDefinedProjects("This is built on years of experience.").empty());
}

TEST_CASE("A link whose text is its repository's name names a project", "[project_definitions]") {
  CHECK(ProjectNamedByRepoLink("descheduler", "https://github.com/kubernetes-sigs/descheduler") ==
        "descheduler");
  CHECK(ProjectNamedByRepoLink("`kube-vip`", "github.com/kube-vip/kube-vip/") == "kube-vip");
  CHECK(
      ProjectNamedByRepoLink("Scheduler Plugins",
                             "https://github.com/kubernetes-sigs/scheduler-plugins/tree/master") ==
      "Scheduler Plugins");
  CHECK(ProjectNamedByRepoLink("gitaly", "https://gitlab.com/gitlab-org/gitaly.git") == "gitaly");
  // Not the repository's name, not a repository, a common word, or material rather than software.
  CHECK(ProjectNamedByRepoLink("the repo", "https://github.com/acme/widget").empty());
  CHECK(ProjectNamedByRepoLink("widget", "https://example.com/acme/widget").empty());
  CHECK(ProjectNamedByRepoLink("community", "https://github.com/kubernetes/community").empty());
  CHECK(ProjectNamedByRepoLink("kafka-demo", "https://github.com/someone/kafka-demo").empty());
  CHECK(
      ProjectNamedByRepoLink("cnpg-workshop", "https://github.com/someone/cnpg-workshop").empty());
}

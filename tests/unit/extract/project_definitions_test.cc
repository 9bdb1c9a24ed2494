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

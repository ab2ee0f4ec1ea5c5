import Testing
@testable import GongwenAttribute
import GongwenCore

// Forms met in the blind set heldout163 (forty-first session).

/// A bureau naming its own division (`局质监处`) opens a run whose short divisions are the bureau's too (`局质监处、消保处牵头`
/// -> `局消保处`; Corpus/heldout163 16303), as a named body's division does (`区经发局经信处、发改处`; `division_inheritance.owners`).
@Suite struct OwnBureauDivisionTests {
  @Test func theBureausWordAloneOwnsTheRun() throws {
    let a = try #require(try attribution("开展消防检查。（局质监处、消保处牵头，各分局负责）"))
    #expect(a.lead == ["局质监处", "局消保处"])
    #expect(a.responsible == ["各分局"])
  }

  @Test func aDivisionOfAnotherKindEndsTheRun() throws {
    // a body with its own ending after the run takes nothing
    let a = try #require(try attribution("开展消防检查。（局质监处、区消防救援大队负责）"))
    #expect(a.departments == ["局质监处", "区消防救援大队"])
  }
}

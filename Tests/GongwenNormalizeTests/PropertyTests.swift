import GongwenCore
import GongwenNormalize
import GongwenTestSupport
import Testing

/// Deterministic RNG (SplitMix64) for the property tests.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

let cjkPool = Array("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反明看原又么利比或但质气第向道命此变条只没结解问意建月公无系很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严".unicodeScalars)
let asciiPool = Array("abcxyzABCXYZ0123456789".unicodeScalars)
let punctPool = Array(",.:;!?()-\"'%/[]，。、：；（）“”《》！？—…【】〔〕１２３％．ａＢ".unicodeScalars)
let spacePool: [Unicode.Scalar] = [" ", " ", "\u{3000}", "\t", "\u{00A0}", "\u{200B}", "\u{FEFF}", "\r", "\u{0007}"]

func randomText(_ rng: inout SplitMix64, maxLength: Int = 240) -> String {
  let n = Int(rng.next() % UInt64(maxLength + 1))
  var s = String.UnicodeScalarView()
  for _ in 0..<n {
    let r = rng.next() % 100
    switch r {
    case 0..<55: s.append(cjkPool[Int(rng.next() % UInt64(cjkPool.count))])
    case 55..<68: s.append(asciiPool[Int(rng.next() % UInt64(asciiPool.count))])
    case 68..<84: s.append(punctPool[Int(rng.next() % UInt64(punctPool.count))])
    case 84..<93: s.append(spacePool[Int(rng.next() % UInt64(spacePool.count))])
    default: s.append("\n")
    }
  }
  return String(s)
}

@Suite struct PropertyTests {
  @Test(arguments: seedIDs) func idempotentOnSeeds(id: String) {
    let once = norm(TestSupport.corpusNotice(id))
    let twice = norm(once.text.string)
    #expect(twice.text.string == once.text.string)
    #expect(twice.removed.isEmpty)
    #expect(twice.stats["lines_joined"] == nil)
  }

  @Test func idempotentAndExactOnRandomText() {
    var rng = SplitMix64(state: 20_261_122)
    var failures: [String] = []
    for _ in 0..<600 {
      let x = randomText(&rng)
      let once = norm(x)
      checkOffsets(x, once)
      let twice = norm(once.text.string).text.string
      if twice != once.text.string, failures.count < 3 {
        failures.append("input \(x.debugDescription)\nonce  \(once.text.string.debugDescription)\ntwice \(twice.debugDescription)")
      }
    }
    #expect(failures.isEmpty, "\(failures.joined(separator: "\n\n"))")
  }

  @Test func idempotentOnSeedLikeMixtures() {
    // pieces of real seeds, cut at random places and glued together with random separators
    let seeds = seedIDs.map { Array(TestSupport.corpusNotice($0).unicodeScalars) }
    var rng = SplitMix64(state: 7)
    for _ in 0..<60 {
      var s = String.UnicodeScalarView()
      for _ in 0..<4 {
        let seed = seeds[Int(rng.next() % UInt64(seeds.count))]
        let a = Int(rng.next() % UInt64(seed.count)), len = Int(rng.next() % 600)
        s.append(contentsOf: seed[a..<min(seed.count, a + len)])
        s.append(contentsOf: randomText(&rng, maxLength: 8).unicodeScalars)
      }
      let x = String(s)
      let once = norm(x)
      checkOffsets(x, once)
      #expect(norm(once.text.string).text.string == once.text.string)
    }
  }
}

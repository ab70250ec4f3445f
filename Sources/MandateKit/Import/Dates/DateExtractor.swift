/// Reads the dates a news text gives, to find the day its event happened and how precisely it is known.
///
/// Publication dates lag events by days or weeks, so the importer dates an event from its own words. The
/// scanner walks the UTF-8 bytes once, stopping only at digits and at words that start like a month name,
/// because it runs over up to a million bodies (no regular expressions, no per-`Character` iteration).
///
/// Recognised (English month names in any case, full or abbreviated as "Apr", "Apr." or "Sept"):
/// - single days: "10 April 2024", "10th of April 2024", "April 10, 2024", "April 10 2024", "April 10th, 2024",
///   "10.04.2024" (always day.month.year), "2024-04-10", Russian "10 апреля 2024 года"; "10/04/2024" is never
///   read because it means different days in the US and Europe;
/// - days without a year ("On 7 February", "on May 17"): the year is taken from `referenceDate`, or the year
///   before when that would put the day more than 31 days after it; without `referenceDate` they are dropped;
/// - ranges: "From April 8 to 11, 2024", "(in the period) from 8 to 11 April 2024", "8-11 April 2024" (hyphen
///   or dash), "April 8-11, 2024", "from 30 March to 2 April 2024", "from December 30, 2023 to January 2, 2024",
///   "8 and 9 April 2024", "June 5 through 7, 2024", Russian "с 8 по 11 апреля 2024 года"; "to", "till" and
///   "until" need the "from", "and" needs "between" unless it follows a bare day;
/// - months: "April 2024", "in (early/mid/late) April 2024", "in mid-April 2024"; month ranges such as
///   "in September-October 2024" or "from January to March 2024" start on the first month's first day and, unlike
///   a single month, have `end` on the last month's last day;
/// - years: "in 2024" only after "in", "during", "throughout" or "for", so "MILEX-2023" is not a date.
/// Impossible days ("30 February 2024", "31.04.2024") are skipped whole, and dates never cross a line break.
///
/// Spans include a leading weekday ("Wednesday, 10 April 2024") and the preposition that introduces the date:
/// "on" for days, "from" / "in the period from" / "between" / "с" for ranges, "in" / "during" / "throughout"
/// (and "early", "mid", "late") for months and the required preposition for years.
///
/// A mention is a *reference* (a document or earlier decision, not the news) when
/// 1. the word right before its span is "dated"; or "of", unless "of" follows a time word such as "morning",
///    "eve", "end" or "period" ("on the morning of 10 April" is still the event); or "from" right after a
///    document word ("the decision from 23 November 2022"); or
/// 2. it is introduced by "on" (or "in", for months and years) and, in the same sentence, a participle
///    (adopted, signed, approved, ratified, concluded, issued, endorsed, enacted) comes before that "on" with
///    no comma or auxiliary verb in between,
///    the participle is not itself preceded by an auxiliary (was, were, is, are, be, been, has, have, had,
///    will; "-ly" adverbs skipped), and a quoted title or a document word (decision, agreement, declaration,
///    resolution, treaty, protocol, programme, plan, charter, …) comes earlier in the sentence; or
/// 3. it is a year introduced by "for" with a document word or quoted title at most 12 words earlier in the
///    sentence ("the Plan of Basic Activities for 2024"); or
/// 4. the word right before its span is "since", "until", "till", "by" or "before": a starting point or a
///    deadline, not the day something happened ("since 10 April 2003", "by 1 May 2024").
/// So "the decision "On measures…" adopted by the CSC on 23 November 2023" and "the Collective Security Treaty
/// signed in 1992" are references, while "An agreement was signed on 10 April 2024" reports the event: there the
/// participle is the sentence's own verb. Which mention dates an item, given the date its source gives, is
/// `EventDating`'s rule.
public enum DateExtractor {
  /// The date the text says its event happened: the first mention that is not a reference, or nil.
  ///
  /// Scanning stops at that mention, so long bodies with a dated lead cost almost nothing.
  public static func eventDate(in text: String, referenceDate: Day?) -> DateMention? {
    firstMention(in: text, referenceDate: referenceDate) { !$0.isReference }
  }

  /// The first mention that `accept` takes, or nil; scanning stops there.
  ///
  /// `EventDating` uses it to pass over mentions that cannot re-date an item (a year in the text of a
  /// day-dated item, a day after its publication).
  public static func firstMention(
    in text: String, referenceDate: Day?, where accept: (DateMention) -> Bool
  ) -> DateMention? {
    DateScanner.with(text, referenceDate: referenceDate) { scanner in
      var result: DateMention?
      var counted = 0
      var offset = 0
      scanner.scan { found in
        // A reference is never accepted by anyone; skip it before building its text.
        guard !found.isReference else { return true }
        offset += scanner.scalarCount(from: counted, to: found.spanStart)
        counted = found.spanStart
        let mention = scanner.mention(found, offset: offset)
        guard accept(mention) else { return true }
        result = mention
        return false
      }
      return result
    }
  }

  /// Every date mention in order of appearance (references included, flagged).
  ///
  /// Useful for review screens and for callers that want a later date than the first one.
  public static func mentions(in text: String, referenceDate: Day?) -> [DateMention] {
    DateScanner.with(text, referenceDate: referenceDate) { scanner in
      var result: [DateMention] = []
      var counted = 0
      var offset = 0
      scanner.scan { found in
        offset += scanner.scalarCount(from: counted, to: found.spanStart)
        counted = found.spanStart
        result.append(scanner.mention(found, offset: offset))
        return true
      }
      return result
    }
  }

  /// Whether the text says its event happens "today" / "this day" (then the caller uses the publication date).
  ///
  /// "to this day", "until today" and the like speak of duration, not of when the event happened, so they
  /// do not count; Russian "сегодня" does.
  public static func saysToday(_ text: String) -> Bool {
    DateScanner.with(text, referenceDate: nil) { $0.saysToday() }
  }
}

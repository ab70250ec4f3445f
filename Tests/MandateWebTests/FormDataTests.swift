import Testing

@testable import MandateWeb

@Suite struct FormDataTests {
  @Test func decodesFormsAsBrowsersEncodeThem() {
    let form = FormData("q=Working+Group%20on+%22Afghanistan%22&item=P1.1&item=P1.2&empty=&bad=%zz%4&csrf=a%2Bb")
    #expect(form["q"] == #"Working Group on "Afghanistan""#)
    #expect(form.all("item") == ["P1.1", "P1.2"])
    #expect(form["empty"] == nil)
    #expect(form.has("empty"))
    #expect(form["bad"] == "%zz%4")
    #expect(form["csrf"] == "a+b")
    #expect(FormData("name=%D0%90%D0%B9%D0%B3%D0%B5%D1%80%D0%B8%D0%BC")["name"] == "Айгерим")
  }

  @Test func encodesValuesForURLs() {
    #expect(FormData.encode("/triage?quarter=2024Q2") == "%2Ftriage%3Fquarter%3D2024Q2")
    #expect(FormData.encode("P1.1 ü") == "P1.1%20%C3%BC")
    #expect(FormData(FormData.encode("a&b=c") + "=x").fields.first?.name == "a&b=c")
  }
}

use elsa::route::Route;

#[test]
fn routes_round_trip() {
    let cases = [
        ("#/", Route::Home),
        ("", Route::Home),
        ("#/scoring", Route::Scoring),
        ("#/privacy", Route::Privacy),
        (
            "#/a/abc-1",
            Route::Assessment {
                id: "abc-1".into(),
                section: None,
                question: None,
            },
        ),
        (
            "#/a/abc-1/s/oversight",
            Route::Assessment {
                id: "abc-1".into(),
                section: Some("oversight".into()),
                question: None,
            },
        ),
        (
            "#/a/abc-1/s/oversight/q/o2",
            Route::Assessment {
                id: "abc-1".into(),
                section: Some("oversight".into()),
                question: Some("o2".into()),
            },
        ),
        ("#/a/abc-1/results", Route::Results { id: "abc-1".into() }),
        ("#/a/abc-1/plan", Route::Plan { id: "abc-1".into() }),
        (
            "#/q/ward-policy/1.0.0",
            Route::Preview {
                id: "ward-policy".into(),
                version: "1.0.0".into(),
            },
        ),
    ];
    for (hash, route) in cases {
        assert_eq!(Route::parse(hash), route, "{hash}");
        if !hash.is_empty() {
            assert_eq!(route.href(), hash);
        }
    }
    assert_eq!(Route::parse("#/nope/x"), Route::NotFound);
    assert_eq!(Route::parse("#/a/<script>"), Route::NotFound);
}

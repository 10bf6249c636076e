namespace UrbanSensing.Protocol.Tests;

/// <summary>Examples quoted from RFC 8428, "Sensor Measurement Lists (SenML)", section 5.1 and section 6.</summary>
internal static class Rfc8428Examples
{
    /// <summary>Section 5.1.1, Single Data Point.</summary>
    public const string SingleDataPoint = """
        [
          {"n":"urn:dev:ow:10e2073a01080063","u":"Cel","v":23.1}
        ]
        """;

    /// <summary>Section 5.1.2, Multiple Data Points, first example.</summary>
    public const string MultipleDataPoints = """
        [
          {"bn":"urn:dev:ow:10e2073a01080063:","n":"voltage","u":"V","v":120.1},
          {"n":"current","u":"A","v":1.2}
        ]
        """;

    /// <summary>Section 5.1.2, Multiple Data Points, second example (current over the previous 5 seconds).</summary>
    public const string MultipleDataPointsWithTime = """
        [
          {"bn":"urn:dev:ow:10e2073a0108006:","bt":1.276020076001e+09,
           "bu":"A","bver":5,
           "n":"voltage","u":"V","v":120.1},
          {"n":"current","t":-5,"v":1.2},
          {"n":"current","t":-4,"v":1.3},
          {"n":"current","t":-3,"v":1.4},
          {"n":"current","t":-2,"v":1.5},
          {"n":"current","t":-1,"v":1.6},
          {"n":"current","v":1.7}
        ]
        """;

    /// <summary>Section 5.1.3, Multiple Measurements.</summary>
    public const string MultipleMeasurements = """
        [
          {"bn":"urn:dev:ow:10e2073a01080063","bt":1.320067464e+09,
           "bu":"%RH","v":20},
          {"u":"lon","v":24.30621},
          {"u":"lat","v":60.07965},
          {"t":60,"v":20.3},
          {"u":"lon","t":60,"v":24.30622},
          {"u":"lat","t":60,"v":60.07965},
          {"t":120,"v":20.7},
          {"u":"lon","t":120,"v":24.30623},
          {"u":"lat","t":120,"v":60.07966},
          {"u":"%EL","t":150,"v":98},
          {"t":180,"v":21.2},
          {"u":"lon","t":180,"v":24.30628},
          {"u":"lat","t":180,"v":60.07967}
        ]
        """;

    /// <summary>Section 5.1.4, Resolved Data: the resolved form of <see cref="MultipleMeasurements"/>.</summary>
    public const string ResolvedData = """
        [
          {"n":"urn:dev:ow:10e2073a01080063","u":"%RH","t":1.320067464e+09,
           "v":20},
          {"n":"urn:dev:ow:10e2073a01080063","u":"lon","t":1.320067464e+09,
           "v":24.30621},
          {"n":"urn:dev:ow:10e2073a01080063","u":"lat","t":1.320067464e+09,
           "v":60.07965},
          {"n":"urn:dev:ow:10e2073a01080063","u":"%RH","t":1.320067524e+09,
           "v":20.3},
          {"n":"urn:dev:ow:10e2073a01080063","u":"lon","t":1.320067524e+09,
           "v":24.30622},
          {"n":"urn:dev:ow:10e2073a01080063","u":"lat","t":1.320067524e+09,
           "v":60.07965},
          {"n":"urn:dev:ow:10e2073a01080063","u":"%RH","t":1.320067584e+09,
           "v":20.7},
          {"n":"urn:dev:ow:10e2073a01080063","u":"lon","t":1.320067584e+09,
           "v":24.30623},
          {"n":"urn:dev:ow:10e2073a01080063","u":"lat","t":1.320067584e+09,
           "v":60.07966},
          {"n":"urn:dev:ow:10e2073a01080063","u":"%EL","t":1.320067614e+09,
           "v":98},
          {"n":"urn:dev:ow:10e2073a01080063","u":"%RH","t":1.320067644e+09,
           "v":21.2},
          {"n":"urn:dev:ow:10e2073a01080063","u":"lon","t":1.320067644e+09,
           "v":24.30628},
          {"n":"urn:dev:ow:10e2073a01080063","u":"lat","t":1.320067644e+09,
           "v":60.07967}
        ]
        """;

    /// <summary>Section 5.1.5, Multiple Data Types.</summary>
    public const string MultipleDataTypes = """
        [
          {"bn":"urn:dev:ow:10e2073a01080063:","n":"temp","u":"Cel","v":23.1},
          {"n":"label","vs":"Machine Room"},
          {"n":"open","vb":false},
          {"n":"nfv-reader","vd":"aGkgCg"}
        ]
        """;

    /// <summary>Section 5.1.6, Collection of Resources.</summary>
    public const string CollectionOfResources = """
        [
          {"bn":"2001:db8::2/","bt":1.320078429e+09,
           "n":"temperature","u":"Cel","v":25.2},
          {"n":"humidity","u":"%RH","v":30},
          {"bn":"2001:db8::1/","n":"temperature","u":"Cel","v":12.3},
          {"n":"humidity","u":"%RH","v":67}
        ]
        """;

    /// <summary>Section 5.1.7, Setting an Actuator.</summary>
    public const string SettingAnActuator = """
        [
          {"bn":"urn:dev:ow:10e2073a01080063:"},
          {"n":"temp","u":"Cel","v":23.1},
          {"n":"heat","u":"/","v":1},
          {"n":"fan","u":"/","v":0}
        ]
        """;

    /// <summary>Section 6: the CBOR dump of the second example of section 5.1.2.</summary>
    public const string MultipleDataPointsWithTimeCborHex =
        "87a721781b75726e3a6465763a6f773a3130653230373361303130383030363a" +
        "22fb41d303a15b00106223614120050067766f6c74616765016156" +
        "02fb405e066666666666a3006763757272656e74062402fb3ff3333333333333" +
        "a3006763757272656e74062302fb3ff4cccccccccccda3006763757272656e74" +
        "062202fb3ff6666666666666a3006763757272656e74062102f93e00" +
        "a3006763757272656e74062002fb3ff999999999999a" +
        "a3006763757272656e74060002fb3ffb333333333333";
}

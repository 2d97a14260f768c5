using System.Collections.Frozen;
using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Core.Entities;

/// <summary>QUANTITY: a count before a unit of measure ("300 كم", "1.5 طن", "مليون برميل", "20 درجة مئوية").</summary>
internal sealed partial class PatternRecognizer
{
    // Units of measure by folded form and the code of the resolved value. Left out on purpose:
    // one-letter symbols ("m", "g", "t", "l": "5m" is five million in news; "م" after a year is
    // "AD"), "كيلو" (kilogram or kilometre), "درجة" alone (an angle, a rank), "pound" (money).
    private static readonly FrozenDictionary<string, string> s_quantityUnits = new Dictionary<string, string>
    {
        // Length.
        ["كم"] = "km",
        ["كلم"] = "km",
        ["كيلومتر"] = "km",
        ["كيلومترا"] = "km",
        ["كيلومترات"] = "km",
        ["متر"] = "m",
        ["مترا"] = "m",
        ["امتار"] = "m",
        ["سم"] = "cm",
        ["سنتيمتر"] = "cm",
        ["سنتيمترا"] = "cm",
        ["سنتيمترات"] = "cm",
        ["سنتمتر"] = "cm",
        ["سنتمترات"] = "cm",
        ["ملم"] = "mm",
        ["مليمتر"] = "mm",
        ["مليمترا"] = "mm",
        ["مليمترات"] = "mm",
        ["ميل"] = "mi",
        ["ميلا"] = "mi",
        ["اميال"] = "mi",
        ["km"] = "km",
        ["kilometre"] = "km",
        ["kilometres"] = "km",
        ["kilometer"] = "km",
        ["kilometers"] = "km",
        ["metre"] = "m",
        ["metres"] = "m",
        ["meter"] = "m",
        ["meters"] = "m",
        ["cm"] = "cm",
        ["centimetre"] = "cm",
        ["centimetres"] = "cm",
        ["centimeter"] = "cm",
        ["centimeters"] = "cm",
        ["mm"] = "mm",
        ["millimetre"] = "mm",
        ["millimetres"] = "mm",
        ["millimeter"] = "mm",
        ["millimeters"] = "mm",
        ["mile"] = "mi",
        ["miles"] = "mi",

        // Mass.
        ["كغ"] = "kg",
        ["كلغ"] = "kg",
        ["كغم"] = "kg",
        ["كيلوغرام"] = "kg",
        ["كيلوغراما"] = "kg",
        ["كيلوغرامات"] = "kg",
        ["كيلوجرام"] = "kg",
        ["كيلوجراما"] = "kg",
        ["كيلوجرامات"] = "kg",
        ["غرام"] = "g",
        ["غراما"] = "g",
        ["غرامات"] = "g",
        ["جرام"] = "g",
        ["جراما"] = "g",
        ["جرامات"] = "g",
        ["ملغ"] = "mg",
        ["ملغم"] = "mg",
        ["مليغرام"] = "mg",
        ["ملليغرام"] = "mg",
        ["طن"] = "t",
        ["طنا"] = "t",
        ["اطنان"] = "t",
        ["kg"] = "kg",
        ["kilogram"] = "kg",
        ["kilograms"] = "kg",
        ["kilogramme"] = "kg",
        ["kilogrammes"] = "kg",
        ["kilos"] = "kg",
        ["gram"] = "g",
        ["grams"] = "g",
        ["gramme"] = "g",
        ["grammes"] = "g",
        ["mg"] = "mg",
        ["milligram"] = "mg",
        ["milligrams"] = "mg",
        ["ton"] = "t",
        ["tons"] = "t",
        ["tonne"] = "t",
        ["tonnes"] = "t",

        // Volume; oil in barrels.
        ["لتر"] = "L",
        ["لترا"] = "L",
        ["لترات"] = "L",
        ["ليتر"] = "L",
        ["ليترا"] = "L",
        ["ليترات"] = "L",
        ["برميل"] = "bbl",
        ["برميلا"] = "bbl",
        ["براميل"] = "bbl",
        ["litre"] = "L",
        ["litres"] = "L",
        ["liter"] = "L",
        ["liters"] = "L",
        ["barrel"] = "bbl",
        ["barrels"] = "bbl",

        // Area.
        ["هكتار"] = "ha",
        ["هكتارا"] = "ha",
        ["هكتارات"] = "ha",
        ["دونم"] = "dunam",
        ["دونما"] = "dunam",
        ["دونمات"] = "dunam",
        ["فدان"] = "feddan",
        ["فدانا"] = "feddan",
        ["افدنه"] = "feddan",
        ["hectare"] = "ha",
        ["hectares"] = "ha",
        ["acre"] = "acre",
        ["acres"] = "acre",

        // Power.
        ["ميغاواط"] = "MW",
        ["ميغاوات"] = "MW",
        ["ميجاوات"] = "MW",
        ["ميجاواط"] = "MW",
        ["كيلوواط"] = "kW",
        ["كيلووات"] = "kW",
        ["غيغاواط"] = "GW",
        ["جيجاوات"] = "GW",
        ["megawatt"] = "MW",
        ["megawatts"] = "MW",
        ["mw"] = "MW",
        ["kilowatt"] = "kW",
        ["kilowatts"] = "kW",
        ["kw"] = "kW",
        ["gigawatt"] = "GW",
        ["gigawatts"] = "GW",
        ["gw"] = "GW",

        // Temperature symbols in one character.
        ["℃"] = "°C",
        ["℉"] = "°F",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // The word after a length that makes it an area or a volume: "كيلومتر مربع" (km2), "متر مكعب" (m3).
    private static readonly FrozenDictionary<string, string> s_powerWords = new Dictionary<string, string>
    {
        ["مربع"] = "2",
        ["مربعا"] = "2",
        ["مربعه"] = "2",
        ["مكعب"] = "3",
        ["مكعبا"] = "3",
        ["مكعبه"] = "3",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // English puts the power first: "square kilometres", "cubic metres".
    private static readonly FrozenDictionary<string, string> s_englishPowerWords = new Dictionary<string, string>
    {
        ["square"] = "2",
        ["sq"] = "2",
        ["cubic"] = "3",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // A temperature needs its scale after "درجة" / "degrees": "درجة" alone is also an angle or a rank.
    private static readonly FrozenDictionary<string, string> s_temperatureScales = new Dictionary<string, string>
    {
        ["مئويه"] = "°C",
        ["سيليزيه"] = "°C",
        ["فهرنهايت"] = "°F",
        ["celsius"] = "°C",
        ["centigrade"] = "°C",
        ["fahrenheit"] = "°F",
        ["c"] = "°C",
        ["f"] = "°F",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>A count then a unit of measure, starting at token <paramref name="i"/>; the value is the count in the unit and its code ("300 km").</summary>
    private bool TryQuantity(int i, out Candidate candidate)
    {
        candidate = default;
        if (!TryCount(i, out int afterCount, out decimal count) || count == 0 || IsAfterYearOrClockCue(i)
            || !TryMeasureUnit(afterCount, out int end, out string? code))
        {
            return false;
        }

        candidate = Make(i, end, EntityType.Quantity, PatternConfidence, Format(count) + " " + code);
        return true;
    }

    private bool TryMeasureUnit(int i, out int end, out string? code)
    {
        end = i;
        code = null;
        if (i >= _keys.Length)
        {
            return false;
        }

        string key = _keys[i];

        // Temperatures: "20 درجة مئوية", "20 degrees Celsius", "20°C", "20 °F".
        if (i + 1 < _keys.Length && (key is "درجه" or "درجات" or "degree" or "degrees" || (key is "°" or "º" && IsAdjacent(i)))
            && s_temperatureScales.TryGetValue(_keys[i + 1], out code))
        {
            bool letter = _keys[i + 1] is "c" or "f";
            if (letter == (key is "°" or "º"))
            {
                end = i + 2;
                return true;
            }

            code = null;
            return false;
        }

        // "square kilometres", "cubic metres".
        string power = string.Empty;
        if (s_englishPowerWords.TryGetValue(key, out string? englishPower) && i + 1 < _keys.Length)
        {
            power = englishPower;
            i++;
            key = _keys[i];
        }

        if (_text.Tokens[i].Type is not (TokenType.Word or TokenType.Symbol) || !s_quantityUnits.TryGetValue(key, out code))
        {
            code = null;
            return false;
        }

        end = i + 1;
        bool length = code is "km" or "m" or "cm" or "mm" or "mi";
        if (power.Length > 0)
        {
            if (!length)
            {
                code = null;
                return false;
            }

            code += power;
            return true;
        }

        if (length && end < _keys.Length && s_powerWords.TryGetValue(_keys[end], out string? arabicPower))
        {
            code += arabicPower;
            end++;
        }
        else if (code == "km" && TrySpeedSuffix(end, out int afterSpeed))
        {
            code = "km/h";
            end = afterSpeed;
        }

        return true;
    }

    /// <summary>"/ساعة", "/h", "في الساعة", "per hour" after kilometres.</summary>
    private bool TrySpeedSuffix(int i, out int end)
    {
        end = i;
        if (i + 1 >= _keys.Length)
        {
            return false;
        }

        bool speed = (_keys[i] == "/" && _keys[i + 1] is "ساعه" or "س" or "h" or "hr")
            || (_keys[i] == "في" && _keys[i + 1] == "الساعه")
            || (_keys[i] == "per" && _keys[i + 1] == "hour");
        end = speed ? i + 2 : i;
        return speed;
    }
}

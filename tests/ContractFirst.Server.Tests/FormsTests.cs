using System.Net;
using System.Text;
using System.Text.Json;
using ContractFirst.Server.Tests.Infrastructure;
using Forms;

namespace ContractFirst.Server.Tests;

/// <summary>
/// Typed binding of form-urlencoded and multipart bodies, deepObject and form-style object query parameters, and label
/// and matrix path parameters (Specs/forms.yaml), over the real generated server: valid requests reach the handler with
/// typed values; every invalid value answers 400 naming the field, and the handler is not called.
/// </summary>
public sealed class FormsTests(FormsFixture server) : IClassFixture<FormsFixture>
{
    private const string ValidPet = "name=rex&kind=dog&age=3&weight=2.5&tags=a&tags=bb&vaccinated=true&owner=%7B%22email%22%3A%22o%40x.io%22%7D";

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private static HttpContent RawForm(string text) => new StringContent(text, Encoding.UTF8, "application/x-www-form-urlencoded");

    /// <summary>Sends, expects 400 in problem details whose errors name <paramref name="field"/>, and proves the handler did not run.</summary>
    private async Task AssertRejected(string operation, Func<HttpRequestMessage> request, string field)
    {
        var before = server.Recorder.Count(operation);
        using var response = await server.Http.SendAsync(request());
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(text);
        var errors = doc.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"expected an error for '{field}': {text}");
        Assert.Equal(before, server.Recorder.Count(operation));
    }

    private static HttpRequestMessage Post(string path, HttpContent content) => new(HttpMethod.Post, path) { Content = content };

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    // ---- application/x-www-form-urlencoded -------------------------------------------------------------------------

    [Fact]
    public async Task Form_body_binds_typed_values()
    {
        using var response = await server.Http.SendAsync(Post("/pets", RawForm(ValidPet)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pet = Assert.IsType<PetForm>(server.Recorder.Last("createPet")[0]);
        Assert.Equal("rex", pet.Name);
        Assert.Equal(PetFormKind.Dog, pet.Kind);
        Assert.Equal(3, pet.Age);
        Assert.Equal(2.5, pet.Weight);
        Assert.Equal(new[] { "a", "bb" }, pet.Tags);
        Assert.True(pet.Vaccinated);
        Assert.Equal("o@x.io", pet.Owner!.Email);
    }

    [Fact]
    public async Task Form_body_leaves_absent_optional_fields_unset()
    {
        using var response = await server.Http.SendAsync(Post("/pets", Form(("name", "rex"), ("kind", "cat"), ("age", "0"))));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pet = Assert.IsType<PetForm>(server.Recorder.Last("createPet")[0]);
        Assert.Null(pet.Weight);
        Assert.Null(pet.Tags);
        Assert.Null(pet.Owner);
        Assert.Equal(0, pet.Age);
    }

    public static TheoryData<string, string, string> InvalidPets => new()
    {
        { "kind=dog", "kind=bird", "kind" },                                   // enum
        { "&kind=dog", "", "kind" },                                           // required (enum)
        { "age=3", "age=31", "age" },                                          // maximum
        { "age=3", "age=-1", "age" },                                          // minimum
        { "age=3", "age=abc", "age" },                                         // type
        { "age=3", "age=2.5", "age" },                                         // type (integer)
        { "&age=3", "", "age" },                                               // required (value type)
        { "age=3", "age=3&age=4", "age" },                                     // a scalar given twice
        { "weight=2.5", "weight=2.3", "weight" },                              // multipleOf
        { "weight=2.5", "weight=NaN", "weight" },                              // type (finite number)
        { "name=rex", "name=Rex1", "name" },                                   // pattern
        { "name=rex", "name=abcdefghijk", "name" },                            // maxLength
        { "name=rex&", "", "name" },                                           // required (reference type)
        { "tags=a&tags=bb", "tags=a&tags=b&tags=c&tags=d", "tags" },           // maxItems
        { "tags=a&tags=bb", "tags=a&tags=toolong", "tags[1]" },                // items' maxLength
        { "vaccinated=true", "vaccinated=yes", "vaccinated" },                 // type (boolean)
        { "owner=%7B%22email%22%3A%22o%40x.io%22%7D", "owner=%7B%22email%22%3A%22nope%22%7D", "owner.email" }, // nested pattern
        { "owner=%7B%22email%22%3A%22o%40x.io%22%7D", "owner=%7B%7D", "owner.email" },                         // nested required
        { "owner=%7B%22email%22%3A%22o%40x.io%22%7D", "owner=notjson", "owner" },                              // nested JSON
        { "vaccinated=true", "vaccinated=true&color=red", "color" },           // additionalProperties: false
    };

    [Theory]
    [MemberData(nameof(InvalidPets))]
    public async Task Form_body_rejects_an_invalid_field(string valid, string invalid, string field)
    {
        Assert.Contains(valid, ValidPet);
        var body = ValidPet.Replace(valid, invalid);
        await AssertRejected("createPet", () => Post("/pets", RawForm(body)), field);
    }

    [Fact]
    public async Task Form_body_reports_every_error_at_once()
    {
        using var response = await server.Http.SendAsync(Post("/pets", Form(("name", "X"), ("kind", "bird"), ("age", "99"))));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var fields = doc.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Equal(new HashSet<string> { "name", "kind", "age" }, fields);
    }

    [Fact]
    public async Task A_type_error_is_reported_once_without_the_checks_of_the_missing_value()
    {
        using var response = await server.Http.SendAsync(Post("/pets", Form(("name", "rex"), ("kind", "cat"), ("age", "abc"))));
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var age = doc.RootElement.GetProperty("errors").GetProperty("age");
        Assert.Equal(1, age.GetArrayLength());
        Assert.Contains("integer", age[0].GetString());
    }

    [Fact]
    public async Task Form_body_of_another_media_type_is_415()
    {
        using var response = await server.Http.SendAsync(Post("/pets", new StringContent("{}", Encoding.UTF8, "application/json")));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(0, server.Recorder.Count("never"));
    }

    [Fact]
    public async Task Form_body_over_the_limit_is_413()
    {
        var before = server.Recorder.Count("createPet");
        using var response = await server.Http.SendAsync(Post("/pets", RawForm(ValidPet + "&tags=" + new string('a', (int)FormsFixture.BodyLimit))));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, server.Recorder.Count("createPet"));
    }

    // ---- multipart/form-data -----------------------------------------------------------------------------------------

    private static MultipartFormDataContent Upload(string? file = "hello file", string? title = "report", string? count = "2", string? category = "a", params string[] labels)
    {
        var content = new MultipartFormDataContent();
        if (file is not null)
        {
            var part = new ByteArrayContent(Encoding.UTF8.GetBytes(file));
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, "file", "notes.txt");
        }

        if (title is not null) content.Add(new StringContent(title), "title");
        if (count is not null) content.Add(new StringContent(count), "count");
        if (category is not null) content.Add(new StringContent(category), "category");
        foreach (var label in labels) content.Add(new StringContent(label), "labels");
        return content;
    }

    [Fact]
    public async Task Multipart_body_binds_the_file_and_typed_fields()
    {
        using var response = await server.Http.SendAsync(Post("/uploads", Upload(labels: new[] { "x", "y" })));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var last = server.Recorder.Last("upload");
        var form = Assert.IsType<UploadForm>(last[0]);
        Assert.Equal("report", form.Title);
        Assert.Equal(2, form.Count);
        Assert.Equal(UploadFormCategory.A, form.Category);
        Assert.Equal(new[] { "x", "y" }, form.Labels);
        Assert.Equal("hello file", last[1]);
        Assert.Equal("notes.txt", last[2]);
    }

    public static TheoryData<string, string> InvalidUploads => new()
    {
        { "title:ab", "title" },         // minLength
        { "title:" + new string('t', 21), "title" }, // maxLength
        { "title:", "title" },           // required
        { "count:9", "count" },          // maximum
        { "count:0", "count" },          // minimum
        { "count:x", "count" },          // type
        { "category:c", "category" },    // enum
        { "file:", "file" },             // required (binary)
    };

    [Theory]
    [MemberData(nameof(InvalidUploads))]
    public async Task Multipart_body_rejects_an_invalid_field(string change, string field)
    {
        var (name, value) = (change.Split(':')[0], change.Substring(change.IndexOf(':') + 1));
        string? Pick(string key, string? valid) => key != name ? valid : value.Length == 0 ? null : value;
        await AssertRejected("upload", () => Post("/uploads", Upload(Pick("file", "hello file"), Pick("title", "report"), Pick("count", "2"), Pick("category", "a"))), field);
    }

    // ---- object query parameters --------------------------------------------------------------------------------------

    [Fact]
    public async Task DeepObject_form_exploded_and_form_objects_bind()
    {
        using var response = await server.Http.SendAsync(Get("/search?filter%5Bname%5D=rex&filter[size]=3&filter[kind]=cat&limit=10&offset=0&color=R,100,G,200"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var last = server.Recorder.Last("search");
        var filter = Assert.IsType<PetFilter>(last[0]);
        Assert.Equal("rex", filter.Name);
        Assert.Equal(3, filter.Size);
        Assert.Equal(PetFilterKind.Cat, filter.Kind);
        var page = Assert.IsType<Paging>(last[1]);
        Assert.Equal(10, page.Limit);
        Assert.Equal(0, page.Offset);
        var color = Assert.IsType<Color>(last[2]);
        Assert.Equal(100, color.R);
        Assert.Equal(200, color.G);
    }

    [Fact]
    public async Task Absent_object_query_parameters_are_null()
    {
        using var response = await server.Http.SendAsync(Get("/search"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(server.Recorder.Last("search"), Assert.Null);
    }

    [Fact]
    public async Task A_content_declared_object_query_parameter_is_JSON()
    {
        using var response = await server.Http.SendAsync(Get("/search?where=" + Uri.EscapeDataString("{\"size\":2,\"name\":\"rex\"}")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var where = Assert.IsType<PetFilter>(server.Recorder.Last("search")[3]);
        Assert.Equal(2, where.Size);
        Assert.Equal("rex", where.Name);
        Assert.Equal("filter.name=null;filter.size=null;filter.kind=null;limit=null;offset=null;R=null;G=null;where.size=7", (await server.Client().SearchAsync(where: new PetFilter { Size = 7 })).Text);
    }

    [Theory]
    [InlineData("where={\"size\":11}", "where.size")]  // maximum inside a JSON (content) parameter
    [InlineData("where=size", "where")]               // not JSON
    [InlineData("filter[size]=11", "filter.size")]   // maximum
    [InlineData("filter[size]=0", "filter.size")]    // minimum
    [InlineData("filter[size]=x", "filter.size")]    // type
    [InlineData("filter[name]=Rex", "filter.name")]  // pattern
    [InlineData("filter[kind]=bird", "filter.kind")] // enum
    [InlineData("filter[size]=1&filter[size]=2", "filter.size")] // given twice
    [InlineData("limit=0", "limit")]                 // minimum (form, exploded)
    [InlineData("limit=101", "limit")]               // maximum
    [InlineData("offset=-1", "offset")]
    [InlineData("color=R,300,G,1", "color.R")]       // maximum (form, not exploded)
    [InlineData("color=R,1", "color.G")]             // required
    [InlineData("color=R,x,G,1", "color.R")]         // type
    [InlineData("color=R", "color")]                 // not name,value pairs
    [InlineData("color=", "color.R")]                // no pairs: an empty object, whose required properties are missing
    public async Task Object_query_parameters_reject_an_invalid_property(string query, string field)
    {
        await AssertRejected("search", () => Get("/search?" + query), field);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("kind")]
    [InlineData("age")]
    public async Task An_empty_urlencoded_form_is_a_form_whose_required_fields_are_missing(string field)
    {
        // Content-Length: 0 with the form media type: every required field is named, not "the body is required".
        await AssertRejected("createPet", () => Post("/pets", RawForm("")), field);
    }

    // ---- maps of scalars in the query ---------------------------------------------------------------------------------

    [Theory]
    [InlineData("tags[red]=1&tags[blue]=10", "tags=blue:10,red:1;labels=null;extra=null")]
    [InlineData("labels=a,x,b,yz", "tags=null;labels=a:x,b:yz;extra=null")]
    [InlineData("labels=", "tags=null;labels=;extra=null")] // present and empty
    [InlineData("on=true&off=false", "tags=null;labels=null;extra=off:False,on:True")]
    [InlineData("tags[a]=1&on=true", "tags=a:1;labels=null;extra=on:True")] // tags[…] is not an extra key
    public async Task Map_query_parameters_bind(string query, string expected)
    {
        using var response = await server.Http.SendAsync(Get("/tags?" + query));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Contains(expected.Replace("\"", "\\\""), text);
    }

    [Theory]
    [InlineData("tags[a]=11", "tags.a")]                            // the values' maximum
    [InlineData("tags[a]=x", "tags.a")]                             // the values' type
    [InlineData("tags[a]=1&tags[a]=2", "tags.a")]                   // given twice
    [InlineData("tags[a]=1&tags[b]=1&tags[c]=1&tags[d]=1", "tags")] // maxProperties
    [InlineData("labels=a,long", "labels.a")]                       // the values' maxLength
    [InlineData("labels=a", "labels")]                              // not name,value pairs
    [InlineData("on=maybe", "extra.on")]                            // the values' type (form, exploded)
    public async Task Map_query_parameters_reject_an_invalid_entry(string query, string field)
    {
        await AssertRejected("getTags", () => Get("/tags?" + query), field);
    }

    [Fact]
    public async Task Client_sends_maps_that_the_server_binds()
    {
        var echo = await server.Client().GetTagsAsync(
            new Dictionary<string, long> { ["red"] = 1, ["blue"] = 2 },
            new Dictionary<string, string> { ["a"] = "x" },
            new Dictionary<string, bool> { ["on"] = true });
        Assert.Equal("tags=blue:2,red:1;labels=a:x;extra=on:True", echo.Text);
    }

    // ---- label and matrix path parameters -----------------------------------------------------------------------------

    [Theory]
    [InlineData("/labels/.5", "getLabel", "5")]
    [InlineData("/label-lists/.1,2,3", "getLabelList", "1,2,3")]
    [InlineData("/label-exploded/.ab.cd", "getLabelExploded", "ab,cd")]
    [InlineData("/matrix/;id=7", "getMatrix", "7")]
    [InlineData("/matrix-lists/;ids=1,2", "getMatrixList", "1,2")]
    [InlineData("/matrix-exploded/;codes=ab;codes=xyz", "getMatrixExploded", "ab,xyz")]
    public async Task Path_styles_bind(string path, string operation, string expected)
    {
        using var response = await server.Http.SendAsync(Get(path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var value = server.Recorder.Last(operation)[0];
        var text = value switch
        {
            IEnumerable<long> ints => string.Join(",", ints),
            IEnumerable<string> strings => string.Join(",", strings),
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
        };
        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("/labels/5", "getLabel", "id")]                  // no label prefix
    [InlineData("/labels/.0", "getLabel", "id")]                 // minimum
    [InlineData("/labels/.x", "getLabel", "id")]                 // type
    [InlineData("/label-lists/.1,2,3,4", "getLabelList", "ids")] // maxItems
    [InlineData("/label-lists/.1,60", "getLabelList", "ids[1]")] // items' maximum
    [InlineData("/label-lists/.1,x", "getLabelList", "ids[1]")]  // items' type
    [InlineData("/label-exploded/.ab.C1", "getLabelExploded", "names[1]")] // items' pattern
    [InlineData("/matrix/;id=101", "getMatrix", "id")]           // maximum
    [InlineData("/matrix/7", "getMatrix", "id")]                 // no matrix prefix
    [InlineData("/matrix/;other=7", "getMatrix", "id")]          // another name
    [InlineData("/matrix-lists/;ids=0", "getMatrixList", "ids[0]")]        // items' minimum
    [InlineData("/matrix-exploded/;codes=abcd", "getMatrixExploded", "codes[0]")] // items' maxLength
    public async Task Path_styles_reject(string path, string operation, string field)
    {
        await AssertRejected(operation, () => Get(path), field);
    }

    // ---- the generated client against the generated server ------------------------------------------------------------

    [Fact]
    public async Task Client_sends_a_form_body_that_the_server_binds()
    {
        var echo = await server.Client().CreatePetAsync(new PetForm { Name = "rex", Kind = PetFormKind.Dog, Age = 3, Weight = 1.5, Tags = new List<string> { "a", "b" }, Vaccinated = false, Owner = new Owner { Email = "o@x.io" } });
        Assert.Equal("name=rex;kind=dog;age=3;weight=1.5;tags=[a,b];vaccinated=False;owner=o@x.io", echo.Text);
    }

    [Fact]
    public async Task Client_sends_a_multipart_body_that_the_server_binds()
    {
        using var file = new MemoryStream(Encoding.UTF8.GetBytes("file content"));
        var echo = await server.Client().UploadAsync(new UploadForm { File = file, Title = "quarterly", Count = 5, Category = UploadFormCategory.B, Labels = new List<string> { "l1" } }, fileFileName: "q.csv");
        Assert.Equal("title=quarterly;count=5;category=b;labels=[l1];file=file content;fileName=q.csv", echo.Text);
    }

    [Fact]
    public async Task Client_sends_object_query_parameters_that_the_server_binds()
    {
        var echo = await server.Client().SearchAsync(new PetFilter { Name = "rex", Size = 4, Kind = PetFilterKind.Dog }, new Paging { Limit = 20, Offset = 40 }, new Color { R = 1, G = 2 });
        Assert.Equal("filter.name=rex;filter.size=4;filter.kind=dog;limit=20;offset=40;R=1;G=2", echo.Text);
    }

    [Fact]
    public async Task Client_sends_label_and_matrix_path_parameters_that_the_server_binds()
    {
        var client = server.Client();
        Assert.Equal("id=5", (await client.GetLabelAsync(5)).Text);
        Assert.Equal("ids=[1,2,3]", (await client.GetLabelListAsync(new List<long> { 1, 2, 3 })).Text);
        Assert.Equal("names=[ab,cd]", (await client.GetLabelExplodedAsync(new List<string> { "ab", "cd" })).Text);
        Assert.Equal("id=7", (await client.GetMatrixAsync(7)).Text);
        Assert.Equal("ids=[1,2]", (await client.GetMatrixListAsync(new List<long> { 1, 2 })).Text);
        Assert.Equal("codes=[ab,xyz]", (await client.GetMatrixExplodedAsync(new List<string> { "ab", "xyz" })).Text);
    }

    [Fact]
    public async Task Client_without_validation_gets_400_naming_the_field_for_invalid_values()
    {
        var client = server.Client(validate: false);
        async Task Rejected(Func<Task> call, string operation, string field)
        {
            var before = server.Recorder.Count(operation);
            var ex = await Assert.ThrowsAnyAsync<ApiException>(call);
            Assert.Equal(400, ex.StatusCode);
            using var doc = JsonDocument.Parse(ex.ResponseBody!);
            Assert.True(doc.RootElement.GetProperty("errors").TryGetProperty(field, out _), ex.ResponseBody);
            Assert.Equal(before, server.Recorder.Count(operation));
        }

#pragma warning disable CF1001, CF1002, CF1003, CF1004 // invalid on purpose: the analyzers see it, the server must too
        await Rejected(() => client.CreatePetAsync(new PetForm { Name = "Rex", Kind = PetFormKind.Dog, Age = 3 }), "createPet", "name");
        await Rejected(() => client.CreatePetAsync(new PetForm { Name = "rex", Kind = "bird", Age = 3 }), "createPet", "kind");
        await Rejected(() => client.CreatePetAsync(new PetForm { Name = "rex", Kind = PetFormKind.Cat, Age = 3, Weight = 0.2 }), "createPet", "weight");
        await Rejected(() => client.CreatePetAsync(new PetForm { Name = "rex", Kind = PetFormKind.Cat, Age = 3, Owner = new Owner { Email = "x" } }), "createPet", "owner.email");
        using (var file = new MemoryStream(new byte[] { 1 }))
        {
            await Rejected(() => client.UploadAsync(new UploadForm { File = file, Title = "ok title", Count = 6 }), "upload", "count");
        }

        await Rejected(() => client.SearchAsync(new PetFilter { Size = 99 }), "search", "filter.size");
        await Rejected(() => client.SearchAsync(page: new Paging { Limit = 0 }), "search", "limit");
        await Rejected(() => client.SearchAsync(color: new Color { R = 256, G = 0 }), "search", "color.R");
        await Rejected(() => client.GetLabelAsync(0), "getLabel", "id");
        await Rejected(() => client.GetLabelListAsync(new List<long> { 1, 99 }), "getLabelList", "ids[1]");
        await Rejected(() => client.GetLabelExplodedAsync(new List<string> { "ok", "NO" }), "getLabelExploded", "names[1]");
        await Rejected(() => client.GetMatrixAsync(500), "getMatrix", "id");
        await Rejected(() => client.GetMatrixListAsync(new List<long> { 0 }), "getMatrixList", "ids[0]");
        await Rejected(() => client.GetMatrixExplodedAsync(new List<string> { "long" }), "getMatrixExploded", "codes[0]");
#pragma warning restore CF1001, CF1002, CF1003, CF1004
    }
}

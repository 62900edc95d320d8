pub struct Login {
    realm: String,
    client_id: String,
    client_secret: Secret,
    api_key: Secret,
    username: String,
    password: Secret,
    acr: Option<String>,
}
#[automatically_derived]
impl ::core::default::Default for Login
where
    for<'__a> Login: ::auth_core::fields::LoginHasNoDefault,
{
    fn default() -> Self {
        <Login as ::auth_core::fields::LoginHasNoDefault>::__never()
    }
}
#[automatically_derived]
impl ::core::fmt::Debug for Login {
    fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        #[allow(unused_imports)]
        use ::auth_core::fields::{ShownWithDebug as _, ShownWithoutDebug as _};
        __f.debug_struct(::core::stringify!(Login))
            .field("grant_type", &::core::format_args!("{}", "\"password\""))
            .field("scope", &::core::format_args!("{}", "[\"openid\", \"email\"]"))
            .field("version", &::core::format_args!("{}", "2"))
            .field(
                ::core::stringify!(realm),
                (&::auth_core::fields::ShownField(&self.realm)).__shown(),
            )
            .field(
                ::core::stringify!(client_id),
                (&::auth_core::fields::ShownField(&self.client_id)).__shown(),
            )
            .field(
                ::core::stringify!(client_secret),
                &::core::format_args!("[REDACTED]"),
            )
            .field(::core::stringify!(api_key), &::core::format_args!("[REDACTED]"))
            .field(
                ::core::stringify!(username),
                (&::auth_core::fields::ShownField(&self.username)).__shown(),
            )
            .field(::core::stringify!(password), &::core::format_args!("[REDACTED]"))
            .field(
                ::core::stringify!(acr),
                (&::auth_core::fields::ShownField(&self.acr)).__shown(),
            )
            .finish()
    }
}
impl Login {
    /// Starts building this login request.
    pub fn builder() -> LoginBuilder {
        LoginBuilder {
            realm: ::auth_core::builder::Unset,
            client_id: ::auth_core::builder::Unset,
            client_secret: ::auth_core::builder::Unset,
            api_key: ::auth_core::builder::Unset,
            username: ::auth_core::builder::Unset,
            password: ::auth_core::builder::Unset,
            acr: ::core::option::Option::None,
        }
    }
    #[doc(hidden)]
    pub fn send(
        &self,
        client: &::auth_core::LoginClient,
    ) -> ::auth_core::__private::NoBaseUrl<TokenResponse>
    where
        for<'__any> Self: ::auth_core::DeclaredBaseUrl,
    {
        let _ = client;
        ::auth_core::__private::NoBaseUrl::new(
            <Self as ::auth_core::LoginEndpoint>::SPEC,
        )
    }
    /// Logs in at `base_url`, the host of the Example IdP installation to log in to; the endpoint's path is appended to it.
    ///
    /// Example IdP has no single documented host, so a login is always sent with its base URL.
    ///
    /// Returns the [`Session`](::auth_core::Session), or an
    /// [`AuthError`](::auth_core::AuthError) whose kind is the same across vendors.
    pub fn send_to<'__a>(
        &'__a self,
        client: &'__a ::auth_core::LoginClient,
        base_url: &'__a str,
    ) -> impl ::core::future::Future<
        Output = ::core::result::Result<
            ::auth_core::Session<TokenResponse>,
            ::auth_core::AuthError,
        >,
    > + ::core::marker::Send + '__a {
        ::auth_core::__private::send(
            client,
            self,
            ::core::option::Option::Some(base_url),
        )
    }
}
/// Builds a [`Login`]: call the setter of every required field (`realm`, `client_id`, `client_secret`, `api_key`, `username`, `password`) once, then [`build`](LoginBuilder::build).
///
/// Each type parameter, named after a required field, is [`Unset`](::auth_core::builder::Unset) until its setter is called and [`Set`](::auth_core::builder::Set) after.
///
/// An optional field has two setters, as in `bon`: `acr(value)` sets it, and `maybe_acr(option)` takes an `Option`, where `None` leaves it unset. They may be called again; the last call wins.
#[must_use = "a builder does nothing until `build()` is called"]
#[allow(non_camel_case_types)]
pub struct LoginBuilder<
    realm = ::auth_core::builder::Unset,
    client_id = ::auth_core::builder::Unset,
    client_secret = ::auth_core::builder::Unset,
    api_key = ::auth_core::builder::Unset,
    username = ::auth_core::builder::Unset,
    password = ::auth_core::builder::Unset,
> {
    realm: realm,
    client_id: client_id,
    client_secret: client_secret,
    api_key: api_key,
    username: username,
    password: password,
    acr: Option<String>,
}
/// The states of [`LoginBuilder`]'s required fields.
#[doc(hidden)]
#[allow(non_snake_case, non_camel_case_types)]
pub mod __LoginBuilder_states {
    #[diagnostic::on_unimplemented(
        message = "`Login` cannot be built yet: the required field `realm` is not set",
        label = "`realm` is not set",
        note = "call `.realm(...)` on the builder before `.build()`"
    )]
    pub trait realm_is_set {
        #[doc(hidden)]
        type Value;
        #[doc(hidden)]
        fn __value(self) -> Self::Value;
    }
    #[diagnostic::do_not_recommend]
    impl<__T> realm_is_set for ::auth_core::builder::Set<__T> {
        type Value = __T;
        fn __value(self) -> __T {
            self.0
        }
    }
    #[diagnostic::on_unimplemented(
        message = "the required field `realm` is already set",
        label = "`realm` was set by an earlier `.realm(...)`",
        note = "a setter is called once; remove one of the `.realm(...)` calls"
    )]
    pub trait realm_is_unset {}
    #[diagnostic::do_not_recommend]
    impl realm_is_unset for ::auth_core::builder::Unset {}
    #[diagnostic::on_unimplemented(
        message = "`Login` cannot be built yet: the required field `client_id` is not set",
        label = "`client_id` is not set",
        note = "call `.client_id(...)` on the builder before `.build()`"
    )]
    pub trait client_id_is_set {
        #[doc(hidden)]
        type Value;
        #[doc(hidden)]
        fn __value(self) -> Self::Value;
    }
    #[diagnostic::do_not_recommend]
    impl<__T> client_id_is_set for ::auth_core::builder::Set<__T> {
        type Value = __T;
        fn __value(self) -> __T {
            self.0
        }
    }
    #[diagnostic::on_unimplemented(
        message = "the required field `client_id` is already set",
        label = "`client_id` was set by an earlier `.client_id(...)`",
        note = "a setter is called once; remove one of the `.client_id(...)` calls"
    )]
    pub trait client_id_is_unset {}
    #[diagnostic::do_not_recommend]
    impl client_id_is_unset for ::auth_core::builder::Unset {}
    #[diagnostic::on_unimplemented(
        message = "`Login` cannot be built yet: the required field `client_secret` is not set",
        label = "`client_secret` is not set",
        note = "call `.client_secret(...)` on the builder before `.build()`"
    )]
    pub trait client_secret_is_set {
        #[doc(hidden)]
        type Value;
        #[doc(hidden)]
        fn __value(self) -> Self::Value;
    }
    #[diagnostic::do_not_recommend]
    impl<__T> client_secret_is_set for ::auth_core::builder::Set<__T> {
        type Value = __T;
        fn __value(self) -> __T {
            self.0
        }
    }
    #[diagnostic::on_unimplemented(
        message = "the required field `client_secret` is already set",
        label = "`client_secret` was set by an earlier `.client_secret(...)`",
        note = "a setter is called once; remove one of the `.client_secret(...)` calls"
    )]
    pub trait client_secret_is_unset {}
    #[diagnostic::do_not_recommend]
    impl client_secret_is_unset for ::auth_core::builder::Unset {}
    #[diagnostic::on_unimplemented(
        message = "`Login` cannot be built yet: the required field `api_key` is not set",
        label = "`api_key` is not set",
        note = "call `.api_key(...)` on the builder before `.build()`"
    )]
    pub trait api_key_is_set {
        #[doc(hidden)]
        type Value;
        #[doc(hidden)]
        fn __value(self) -> Self::Value;
    }
    #[diagnostic::do_not_recommend]
    impl<__T> api_key_is_set for ::auth_core::builder::Set<__T> {
        type Value = __T;
        fn __value(self) -> __T {
            self.0
        }
    }
    #[diagnostic::on_unimplemented(
        message = "the required field `api_key` is already set",
        label = "`api_key` was set by an earlier `.api_key(...)`",
        note = "a setter is called once; remove one of the `.api_key(...)` calls"
    )]
    pub trait api_key_is_unset {}
    #[diagnostic::do_not_recommend]
    impl api_key_is_unset for ::auth_core::builder::Unset {}
    #[diagnostic::on_unimplemented(
        message = "`Login` cannot be built yet: the required field `username` is not set",
        label = "`username` is not set",
        note = "call `.username(...)` on the builder before `.build()`"
    )]
    pub trait username_is_set {
        #[doc(hidden)]
        type Value;
        #[doc(hidden)]
        fn __value(self) -> Self::Value;
    }
    #[diagnostic::do_not_recommend]
    impl<__T> username_is_set for ::auth_core::builder::Set<__T> {
        type Value = __T;
        fn __value(self) -> __T {
            self.0
        }
    }
    #[diagnostic::on_unimplemented(
        message = "the required field `username` is already set",
        label = "`username` was set by an earlier `.username(...)`",
        note = "a setter is called once; remove one of the `.username(...)` calls"
    )]
    pub trait username_is_unset {}
    #[diagnostic::do_not_recommend]
    impl username_is_unset for ::auth_core::builder::Unset {}
    #[diagnostic::on_unimplemented(
        message = "`Login` cannot be built yet: the required field `password` is not set",
        label = "`password` is not set",
        note = "call `.password(...)` on the builder before `.build()`"
    )]
    pub trait password_is_set {
        #[doc(hidden)]
        type Value;
        #[doc(hidden)]
        fn __value(self) -> Self::Value;
    }
    #[diagnostic::do_not_recommend]
    impl<__T> password_is_set for ::auth_core::builder::Set<__T> {
        type Value = __T;
        fn __value(self) -> __T {
            self.0
        }
    }
    #[diagnostic::on_unimplemented(
        message = "the required field `password` is already set",
        label = "`password` was set by an earlier `.password(...)`",
        note = "a setter is called once; remove one of the `.password(...)` calls"
    )]
    pub trait password_is_unset {}
    #[diagnostic::do_not_recommend]
    impl password_is_unset for ::auth_core::builder::Unset {}
    #[diagnostic::on_unimplemented(
        message = "`Login` is sent once built: call `.build()` first",
        label = "this is `Login`'s builder, not a `Login`",
        note = "call `.build()` after the setters: `Login::builder()...build().send(&client)`"
    )]
    pub trait call_build_first {}
    #[doc(hidden)]
    pub enum __Never {}
    #[diagnostic::do_not_recommend]
    impl call_build_first for __Never {}
    #[diagnostic::on_unimplemented(
        message = "`Login` is already built: `.build()` is a method of its builder",
        label = "this is a `Login`, made by `.build()`",
        note = "remove this `.build()`; a `Login` is sent with `.send(&client)` or `.send_to(&client, base_url)`"
    )]
    pub trait already_built {}
    #[diagnostic::do_not_recommend]
    impl already_built for __Never {}
    #[diagnostic::on_unimplemented(
        message = "`.build()` returns the `Login` itself, not a `Result`: there is nothing to unwrap",
        label = "this is a `Login`",
        note = "remove this call: `.build()` compiles only once every required field is set, so it cannot fail"
    )]
    pub trait build_cannot_fail {}
    #[diagnostic::do_not_recommend]
    impl build_cannot_fail for __Never {}
    #[diagnostic::on_unimplemented(
        message = "`grant_type` is a constant of `Login`: it has no setter",
        label = "`grant_type` is sent as declared in `#[login_endpoint(...)]`",
        note = "remove this call; for a value each caller gives, declare `grant_type` as a field instead of a constant"
    )]
    pub trait grant_type_is_a_constant {}
    #[diagnostic::do_not_recommend]
    impl grant_type_is_a_constant for __Never {}
    #[diagnostic::on_unimplemented(
        message = "`scope` is a constant of `Login`: it has no setter",
        label = "`scope` is sent as declared in `#[login_endpoint(...)]`",
        note = "remove this call; for a value each caller gives, declare `scope` as a field instead of a constant"
    )]
    pub trait scope_is_a_constant {}
    #[diagnostic::do_not_recommend]
    impl scope_is_a_constant for __Never {}
    #[diagnostic::on_unimplemented(
        message = "`version` is a constant of `Login`: it has no setter",
        label = "`version` is sent as declared in `#[login_endpoint(...)]`",
        note = "remove this call; for a value each caller gives, declare `version` as a field instead of a constant"
    )]
    pub trait version_is_a_constant {}
    #[diagnostic::do_not_recommend]
    impl version_is_a_constant for __Never {}
    #[diagnostic::on_unimplemented(
        message = "`Login`'s builder has no setter `.key(...)`: `key` is where the field `api_key` is sent",
        label = "call the setter named after the field: `.api_key(...)`",
        note = "setters are named after the struct's fields; `#[login(...)]` says where each is sent"
    )]
    pub trait key_is_where_a_field_is_sent {}
    #[diagnostic::do_not_recommend]
    impl key_is_where_a_field_is_sent for __Never {}
    #[diagnostic::on_unimplemented(
        message = "`Login`'s builder has no setter `.acr_values(...)`: `acr_values` is where the field `acr` is sent",
        label = "call the setter named after the field: `.acr(...)`",
        note = "setters are named after the struct's fields; `#[login(...)]` says where each is sent"
    )]
    pub trait acr_values_is_where_a_field_is_sent {}
    #[diagnostic::do_not_recommend]
    impl acr_values_is_where_a_field_is_sent for __Never {}
    #[diagnostic::on_unimplemented(
        message = "`.realm(...)` is a setter of `Login`'s builder, not of a built `Login`",
        label = "`Login` is already built here",
        note = "call `.realm(...)` before `.build()`: `Login::builder()...realm(...)...build()`"
    )]
    pub trait realm_is_set_before_build {}
    #[diagnostic::do_not_recommend]
    impl realm_is_set_before_build for __Never {}
    #[diagnostic::on_unimplemented(
        message = "`.client_id(...)` is a setter of `Login`'s builder, not of a built `Login`",
        label = "`Login` is already built here",
        note = "call `.client_id(...)` before `.build()`: `Login::builder()...client_id(...)...build()`"
    )]
    pub trait client_id_is_set_before_build {}
    #[diagnostic::do_not_recommend]
    impl client_id_is_set_before_build for __Never {}
    #[diagnostic::on_unimplemented(
        message = "`.client_secret(...)` is a setter of `Login`'s builder, not of a built `Login`",
        label = "`Login` is already built here",
        note = "call `.client_secret(...)` before `.build()`: `Login::builder()...client_secret(...)...build()`"
    )]
    pub trait client_secret_is_set_before_build {}
    #[diagnostic::do_not_recommend]
    impl client_secret_is_set_before_build for __Never {}
    #[diagnostic::on_unimplemented(
        message = "`.api_key(...)` is a setter of `Login`'s builder, not of a built `Login`",
        label = "`Login` is already built here",
        note = "call `.api_key(...)` before `.build()`: `Login::builder()...api_key(...)...build()`"
    )]
    pub trait api_key_is_set_before_build {}
    #[diagnostic::do_not_recommend]
    impl api_key_is_set_before_build for __Never {}
    #[diagnostic::on_unimplemented(
        message = "`.username(...)` is a setter of `Login`'s builder, not of a built `Login`",
        label = "`Login` is already built here",
        note = "call `.username(...)` before `.build()`: `Login::builder()...username(...)...build()`"
    )]
    pub trait username_is_set_before_build {}
    #[diagnostic::do_not_recommend]
    impl username_is_set_before_build for __Never {}
    #[diagnostic::on_unimplemented(
        message = "`.password(...)` is a setter of `Login`'s builder, not of a built `Login`",
        label = "`Login` is already built here",
        note = "call `.password(...)` before `.build()`: `Login::builder()...password(...)...build()`"
    )]
    pub trait password_is_set_before_build {}
    #[diagnostic::do_not_recommend]
    impl password_is_set_before_build for __Never {}
    #[diagnostic::on_unimplemented(
        message = "`.acr(...)` is a setter of `Login`'s builder, not of a built `Login`",
        label = "`Login` is already built here",
        note = "call `.acr(...)` before `.build()`: `Login::builder()...acr(...)...build()`"
    )]
    pub trait acr_is_set_before_build {}
    #[diagnostic::do_not_recommend]
    impl acr_is_set_before_build for __Never {}
    #[diagnostic::on_unimplemented(
        message = "`.maybe_acr(...)` is a setter of `Login`'s builder, not of a built `Login`",
        label = "`Login` is already built here",
        note = "call `.maybe_acr(...)` before `.build()`: `Login::builder()...maybe_acr(...)...build()`"
    )]
    pub trait maybe_acr_is_set_before_build {}
    #[diagnostic::do_not_recommend]
    impl maybe_acr_is_set_before_build for __Never {}
}
#[doc(hidden)]
pub trait LoginSetters {
    #[doc(hidden)]
    fn realm<__V>(&mut self, value: __V) -> &mut Self
    where
        for<'__any> Self: __LoginBuilder_states::realm_is_set_before_build,
    {
        let _ = value;
        self
    }
    #[doc(hidden)]
    fn client_id<__V>(&mut self, value: __V) -> &mut Self
    where
        for<'__any> Self: __LoginBuilder_states::client_id_is_set_before_build,
    {
        let _ = value;
        self
    }
    #[doc(hidden)]
    fn client_secret<__V>(&mut self, value: __V) -> &mut Self
    where
        for<'__any> Self: __LoginBuilder_states::client_secret_is_set_before_build,
    {
        let _ = value;
        self
    }
    #[doc(hidden)]
    fn api_key<__V>(&mut self, value: __V) -> &mut Self
    where
        for<'__any> Self: __LoginBuilder_states::api_key_is_set_before_build,
    {
        let _ = value;
        self
    }
    #[doc(hidden)]
    fn username<__V>(&mut self, value: __V) -> &mut Self
    where
        for<'__any> Self: __LoginBuilder_states::username_is_set_before_build,
    {
        let _ = value;
        self
    }
    #[doc(hidden)]
    fn password<__V>(&mut self, value: __V) -> &mut Self
    where
        for<'__any> Self: __LoginBuilder_states::password_is_set_before_build,
    {
        let _ = value;
        self
    }
    #[doc(hidden)]
    fn acr<__V>(&mut self, value: __V) -> &mut Self
    where
        for<'__any> Self: __LoginBuilder_states::acr_is_set_before_build,
    {
        let _ = value;
        self
    }
    #[doc(hidden)]
    fn maybe_acr<__V>(&mut self, value: __V) -> &mut Self
    where
        for<'__any> Self: __LoginBuilder_states::maybe_acr_is_set_before_build,
    {
        let _ = value;
        self
    }
    #[doc(hidden)]
    fn build(&mut self) -> &mut Self
    where
        for<'__any> Self: __LoginBuilder_states::already_built,
    {
        self
    }
    #[doc(hidden)]
    fn unwrap(&mut self) -> &mut Self
    where
        for<'__any> Self: __LoginBuilder_states::build_cannot_fail,
    {
        self
    }
    #[doc(hidden)]
    fn expect(&mut self, message: &str) -> &mut Self
    where
        for<'__any> Self: __LoginBuilder_states::build_cannot_fail,
    {
        let _ = message;
        self
    }
}
impl LoginSetters for Login {}
#[allow(non_camel_case_types)]
impl<
    realm,
    client_id,
    client_secret,
    api_key,
    username,
    password,
> LoginBuilder<realm, client_id, client_secret, api_key, username, password> {
    /// Sets `realm` (required; once).
    pub fn realm(
        self,
        value: impl ::auth_core::builder::FieldValue<String>,
    ) -> LoginBuilder<
        ::auth_core::builder::Set<String>,
        client_id,
        client_secret,
        api_key,
        username,
        password,
    >
    where
        realm: __LoginBuilder_states::realm_is_unset,
    {
        LoginBuilder {
            realm: ::auth_core::builder::Set(
                ::auth_core::builder::FieldValue::into_field(value),
            ),
            client_id: self.client_id,
            client_secret: self.client_secret,
            api_key: self.api_key,
            username: self.username,
            password: self.password,
            acr: self.acr,
        }
    }
    /// Sets `client_id` (required; once).
    pub fn client_id(
        self,
        value: impl ::auth_core::builder::FieldValue<String>,
    ) -> LoginBuilder<
        realm,
        ::auth_core::builder::Set<String>,
        client_secret,
        api_key,
        username,
        password,
    >
    where
        client_id: __LoginBuilder_states::client_id_is_unset,
    {
        LoginBuilder {
            realm: self.realm,
            client_id: ::auth_core::builder::Set(
                ::auth_core::builder::FieldValue::into_field(value),
            ),
            client_secret: self.client_secret,
            api_key: self.api_key,
            username: self.username,
            password: self.password,
            acr: self.acr,
        }
    }
    /// Sets `client_secret` (required; once).
    pub fn client_secret(
        self,
        value: impl ::auth_core::builder::FieldValue<Secret>,
    ) -> LoginBuilder<
        realm,
        client_id,
        ::auth_core::builder::Set<Secret>,
        api_key,
        username,
        password,
    >
    where
        client_secret: __LoginBuilder_states::client_secret_is_unset,
    {
        LoginBuilder {
            realm: self.realm,
            client_id: self.client_id,
            client_secret: ::auth_core::builder::Set(
                ::auth_core::builder::FieldValue::into_field(value),
            ),
            api_key: self.api_key,
            username: self.username,
            password: self.password,
            acr: self.acr,
        }
    }
    /// Sets `api_key` (required; once).
    pub fn api_key(
        self,
        value: impl ::auth_core::builder::FieldValue<Secret>,
    ) -> LoginBuilder<
        realm,
        client_id,
        client_secret,
        ::auth_core::builder::Set<Secret>,
        username,
        password,
    >
    where
        api_key: __LoginBuilder_states::api_key_is_unset,
    {
        LoginBuilder {
            realm: self.realm,
            client_id: self.client_id,
            client_secret: self.client_secret,
            api_key: ::auth_core::builder::Set(
                ::auth_core::builder::FieldValue::into_field(value),
            ),
            username: self.username,
            password: self.password,
            acr: self.acr,
        }
    }
    /// Sets `username` (required; once).
    pub fn username(
        self,
        value: impl ::auth_core::builder::FieldValue<String>,
    ) -> LoginBuilder<
        realm,
        client_id,
        client_secret,
        api_key,
        ::auth_core::builder::Set<String>,
        password,
    >
    where
        username: __LoginBuilder_states::username_is_unset,
    {
        LoginBuilder {
            realm: self.realm,
            client_id: self.client_id,
            client_secret: self.client_secret,
            api_key: self.api_key,
            username: ::auth_core::builder::Set(
                ::auth_core::builder::FieldValue::into_field(value),
            ),
            password: self.password,
            acr: self.acr,
        }
    }
    /// Sets `password` (required; once).
    pub fn password(
        self,
        value: impl ::auth_core::builder::FieldValue<Secret>,
    ) -> LoginBuilder<
        realm,
        client_id,
        client_secret,
        api_key,
        username,
        ::auth_core::builder::Set<Secret>,
    >
    where
        password: __LoginBuilder_states::password_is_unset,
    {
        LoginBuilder {
            realm: self.realm,
            client_id: self.client_id,
            client_secret: self.client_secret,
            api_key: self.api_key,
            username: self.username,
            password: ::auth_core::builder::Set(
                ::auth_core::builder::FieldValue::into_field(value),
            ),
            acr: self.acr,
        }
    }
    /// Sets `acr` (optional; left out of the request when not set).
    pub fn acr(mut self, value: impl ::auth_core::builder::FieldValue<String>) -> Self {
        self.acr = ::core::option::Option::Some(
            ::auth_core::builder::FieldValue::into_field(value),
        );
        self
    }
    /// Sets `acr` from an `Option`: `None` leaves it out of the request, as if [`acr`](Self::acr) were not called.
    pub fn maybe_acr(mut self, value: ::core::option::Option<String>) -> Self {
        self.acr = value;
        self
    }
    /// Builds the request. Available once every required field is set.
    pub fn build(self) -> Login
    where
        realm: __LoginBuilder_states::realm_is_set<Value = String>,
        client_id: __LoginBuilder_states::client_id_is_set<Value = String>,
        client_secret: __LoginBuilder_states::client_secret_is_set<Value = Secret>,
        api_key: __LoginBuilder_states::api_key_is_set<Value = Secret>,
        username: __LoginBuilder_states::username_is_set<Value = String>,
        password: __LoginBuilder_states::password_is_set<Value = Secret>,
    {
        Login {
            realm: <realm as __LoginBuilder_states::realm_is_set>::__value(self.realm),
            client_id: <client_id as __LoginBuilder_states::client_id_is_set>::__value(
                self.client_id,
            ),
            client_secret: <client_secret as __LoginBuilder_states::client_secret_is_set>::__value(
                self.client_secret,
            ),
            api_key: <api_key as __LoginBuilder_states::api_key_is_set>::__value(
                self.api_key,
            ),
            username: <username as __LoginBuilder_states::username_is_set>::__value(
                self.username,
            ),
            password: <password as __LoginBuilder_states::password_is_set>::__value(
                self.password,
            ),
            acr: self.acr,
        }
    }
    #[doc(hidden)]
    pub fn send(
        self,
        client: &::auth_core::LoginClient,
    ) -> ::auth_core::__private::NotBuilt<TokenResponse>
    where
        for<'__any> Self: __LoginBuilder_states::call_build_first,
    {
        let _ = client;
        ::auth_core::__private::NotBuilt::new("Login")
    }
    #[doc(hidden)]
    pub fn send_to(
        self,
        client: &::auth_core::LoginClient,
        base_url: &str,
    ) -> ::auth_core::__private::NotBuilt<TokenResponse>
    where
        for<'__any> Self: __LoginBuilder_states::call_build_first,
    {
        let _ = (client, base_url);
        ::auth_core::__private::NotBuilt::new("Login")
    }
    #[doc(hidden)]
    pub fn grant_type<__V>(self, value: __V) -> Self
    where
        for<'__any> Self: __LoginBuilder_states::grant_type_is_a_constant,
    {
        let _ = value;
        self
    }
    #[doc(hidden)]
    pub fn scope<__V>(self, value: __V) -> Self
    where
        for<'__any> Self: __LoginBuilder_states::scope_is_a_constant,
    {
        let _ = value;
        self
    }
    #[doc(hidden)]
    pub fn version<__V>(self, value: __V) -> Self
    where
        for<'__any> Self: __LoginBuilder_states::version_is_a_constant,
    {
        let _ = value;
        self
    }
    #[doc(hidden)]
    #[allow(non_snake_case)]
    pub fn key(
        self,
        value: impl ::auth_core::builder::FieldValue<Secret>,
    ) -> LoginBuilder<
        realm,
        client_id,
        client_secret,
        ::auth_core::builder::Set<Secret>,
        username,
        password,
    >
    where
        api_key: __LoginBuilder_states::api_key_is_unset,
        for<'__any> Self: __LoginBuilder_states::key_is_where_a_field_is_sent,
    {
        self.api_key(value)
    }
    #[doc(hidden)]
    #[allow(non_snake_case)]
    pub fn acr_values(self, value: impl ::auth_core::builder::FieldValue<String>) -> Self
    where
        for<'__any> Self: __LoginBuilder_states::acr_values_is_where_a_field_is_sent,
    {
        self.acr(value)
    }
}
#[diagnostic::do_not_recommend]
#[allow(non_camel_case_types)]
impl<
    realm,
    client_id,
    client_secret,
    api_key,
    username,
    password,
> ::auth_core::DeclaredBaseUrl
for LoginBuilder<realm, client_id, client_secret, api_key, username, password> {}
#[automatically_derived]
#[allow(non_camel_case_types)]
impl<
    realm: ::core::fmt::Debug,
    client_id: ::core::fmt::Debug,
    client_secret: ::core::fmt::Debug,
    api_key: ::core::fmt::Debug,
    username: ::core::fmt::Debug,
    password: ::core::fmt::Debug,
> ::core::fmt::Debug
for LoginBuilder<realm, client_id, client_secret, api_key, username, password> {
    fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        #[allow(unused_imports)]
        use ::auth_core::fields::{ShownWithDebug as _, ShownWithoutDebug as _};
        __f.debug_struct(::core::stringify!(LoginBuilder))
            .field(::core::stringify!(realm), &self.realm)
            .field(::core::stringify!(client_id), &self.client_id)
            .field(::core::stringify!(client_secret), &self.client_secret)
            .field(::core::stringify!(api_key), &self.api_key)
            .field(::core::stringify!(username), &self.username)
            .field(::core::stringify!(password), &self.password)
            .field(
                ::core::stringify!(acr),
                (&::auth_core::fields::ShownField(&self.acr)).__shown(),
            )
            .finish()
    }
}
#[automatically_derived]
impl ::auth_core::__private::LoginRequest for Login {
    fn __describe<'__a>(
        &'__a self,
        __parts: &mut ::auth_core::__private::RequestParts<'__a>,
    ) {
        __parts
            .path(
                "realm",
                <String as ::auth_core::TextValue>::__as_dyn(&self.realm),
                false,
            );
        __parts
            .basic_user(<String as ::auth_core::TextValue>::__as_dyn(&self.client_id));
        __parts
            .basic_password(
                <Secret as ::auth_core::TextValue>::__as_dyn(&self.client_secret),
            );
        __parts
            .query(
                "key",
                <Secret as ::auth_core::TextValue>::__as_dyn(&self.api_key),
                true,
            );
        __parts
            .form(
                "username",
                <String as ::auth_core::TextValue>::__as_dyn(&self.username),
                false,
            );
        __parts
            .form(
                "password",
                <Secret as ::auth_core::TextValue>::__as_dyn(&self.password),
                true,
            );
        __parts
            .form(
                "acr_values",
                <Option<String> as ::auth_core::TextValue>::__as_dyn(&self.acr),
                false,
            );
    }
    fn __secrets(&self, __secret: &mut dyn ::core::ops::FnMut(&str)) {
        __secret(::auth_core::Secret::expose_secret(&self.client_secret));
        __secret(::auth_core::Secret::expose_secret(&self.api_key));
        __secret(::auth_core::Secret::expose_secret(&self.password));
    }
}
#[automatically_derived]
#[diagnostic::do_not_recommend]
impl ::auth_core::LoginEndpoint for Login {
    type Response = TokenResponse;
    type ErrorBody = ::auth_core::NoErrorBody;
    type Itself = Self;
    const SPEC: &'static ::auth_core::EndpointSpec = &::auth_core::EndpointSpec::__new(
        "Example IdP",
        ::auth_core::Method::Post,
        ::core::option::Option::None,
        "/realms/{realm}/token",
        ::auth_core::BodyFormat::Form,
        ::core::option::Option::Some("application/x-www-form-urlencoded"),
        &[],
        &[("version", "2")],
        &[("grant_type", "password"), ("scope", "openid"), ("scope", "email")],
        &[],
        &[],
        ::auth_core::LifetimePolicy {
            fixed: ::core::option::Option::None,
            idle: ::core::option::Option::None,
        },
        ::core::option::Option::None,
        ::auth_core::ResponseSpec::__new(
            "TokenResponse",
            ::auth_core::Source::Body("access_token"),
            ::core::option::Option::Some(::auth_core::Source::Body("refresh_token")),
            ::core::option::Option::None,
            ::core::option::Option::None,
            ::auth_core::ErrorKind::Rejected,
        ),
    );
    fn __decode(
        __body: &[u8],
    ) -> ::core::result::Result<
        Self::Response,
        ::auth_core::__private::serde_json::Error,
    > {
        <TokenResponse as ::auth_core::ResponseBody>::__decode(__body)
    }
    fn __body_failed(__response: &Self::Response) -> bool {
        false
    }
    fn __credentials(
        __response: &Self::Response,
    ) -> ::auth_core::__private::BodyValues<'_> {
        ::auth_core::__private::BodyValues {
            token: {
                let __v = &__response.access_token;
                ::auth_core::fields::TokenField::token(__v)
            },
            refresh_token: {
                let __v = &__response.refresh_token;
                ::auth_core::fields::TokenField::token(__v)
            },
            expiry: ::auth_core::__private::ExpiryValue::Absent,
            refresh_expiry: ::auth_core::__private::ExpiryValue::Absent,
        }
    }
    fn __declared_refresh() -> ::core::option::Option<
        ::auth_core::__private::DeclaredRefresh<Self>,
    > {
        ::core::option::Option::Some(
            <Refresh as ::auth_core::RefreshOf<Login>>::__refresh(),
        )
    }
}
